package org.diva.transcode.audio;

import java.math.BigInteger;

/**
 * Streaming sample-rate conversion of planar PCM by a rational ratio, with a polyphase windowed-sinc filter.
 *
 * <p>For ratio L/M (the rates divided by their gcd, e.g. 160/147 for 44.1 to 48 kHz), output sample n lies at input
 * time n M / L; it is the sum of the 2K input samples around that time weighted by a low-pass kernel
 * h(d) = fc sinc(fc d) w(d / K), d the distance in input samples, fc the cut-off relative to the input Nyquist
 * frequency (0.92 of the lower of the two Nyquist frequencies, so images and aliases fall in the transition band)
 * and w a Kaiser window (beta 8.6, about 85 dB stop-band). The kernel is tabulated for the L phases, each phase
 * normalised to unit DC gain. This is the classic design of Smith's "Digital Audio Resampling" (CCRMA), with the
 * table indexed by exact phase because the ratio is rational. Output time 0 is input time 0: the filter adds no delay.
 */
public final class Resampler {
    private static final int HALF_TAPS = 32;
    private static final double BETA = 8.6;
    private static final int MAX_PHASES = 8192;

    private final int channels;
    private final int up;
    private final int down;
    private final float[][] kernel;
    private float[][] buffer;
    private int length;
    /** Time of the next output in 1/up input samples, relative to buffer[0]. */
    private long position;

    public Resampler(int inRate, int outRate, int channels) {
        if (inRate <= 0 || outRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad resampler: " + inRate + " -> " + outRate + " Hz, " + channels);
        }
        int gcd = BigInteger.valueOf(inRate).gcd(BigInteger.valueOf(outRate)).intValue();
        this.up = outRate / gcd;
        this.down = inRate / gcd;
        if (up > MAX_PHASES) {
            throw new IllegalArgumentException("resampling " + inRate + " -> " + outRate + " Hz needs " + up
                    + " filter phases; at most " + MAX_PHASES + " are supported");
        }
        this.channels = channels;
        this.kernel = kernel(up, 0.92 * Math.min(1.0, (double) outRate / inRate));
        this.buffer = new float[channels][4096];
        this.length = HALF_TAPS - 1; // silence before the first sample, so output 0 sits on input 0
        this.position = (long) (HALF_TAPS - 1) * up;
    }

    /** Resamples planar {@code in} (every channel the same length); returns what can be output so far. */
    public float[][] process(float[][] in) {
        int frames = in[0].length;
        if (length + frames > buffer[0].length) {
            int size = Math.max(buffer[0].length * 2, length + frames);
            for (int ch = 0; ch < channels; ch++) {
                buffer[ch] = java.util.Arrays.copyOf(buffer[ch], size);
            }
        }
        for (int ch = 0; ch < channels; ch++) {
            System.arraycopy(in[ch], 0, buffer[ch], length, frames);
        }
        length += frames;
        // Output n needs input up to floor(time) + HALF_TAPS, which must lie below length.
        long room = (long) (length - HALF_TAPS) * up - 1 - position;
        int count = room < 0 ? 0 : (int) (room / down + 1);
        float[][] out = new float[channels][count];
        for (int n = 0; n < count; n++) {
            int base = (int) (position / up);
            float[] taps = kernel[(int) (position % up)];
            int first = base - HALF_TAPS + 1;
            for (int ch = 0; ch < channels; ch++) {
                float[] x = buffer[ch];
                float sum = 0;
                for (int k = 0; k < taps.length; k++) {
                    sum += taps[k] * x[first + k];
                }
                out[ch][n] = sum;
            }
            position += down;
        }
        // Keep only the history the next outputs can reach.
        int keep = (int) Math.max(0, Math.min(length, position / up - HALF_TAPS + 1));
        for (int ch = 0; ch < channels; ch++) {
            System.arraycopy(buffer[ch], keep, buffer[ch], 0, length - keep);
        }
        length -= keep;
        position -= (long) keep * up;
        return out;
    }

    /** Outputs what is left, as if the input were followed by silence, up to the input's end time. */
    public float[][] flush(long inputFramesTotal, long outputFramesSoFar) {
        long wanted = (inputFramesTotal * up + down - 1) / down - outputFramesSoFar;
        float[][] out = process(new float[channels][HALF_TAPS]);
        if (out[0].length > wanted) {
            for (int ch = 0; ch < channels; ch++) {
                out[ch] = java.util.Arrays.copyOf(out[ch], (int) Math.max(0, wanted));
            }
        }
        return out;
    }

    private static float[][] kernel(int phases, double cutoff) {
        float[][] table = new float[phases][2 * HALF_TAPS];
        double i0Beta = besselI0(BETA);
        for (int p = 0; p < phases; p++) {
            double frac = p / (double) phases;
            double sum = 0;
            double[] h = new double[2 * HALF_TAPS];
            for (int k = 0; k < 2 * HALF_TAPS; k++) {
                double d = (k - HALF_TAPS + 1) - frac;
                double x = d / HALF_TAPS;
                double window = Math.abs(x) >= 1 ? 0 : besselI0(BETA * Math.sqrt(1 - x * x)) / i0Beta;
                double arg = Math.PI * cutoff * d;
                double sinc = Math.abs(arg) < 1e-12 ? 1 : Math.sin(arg) / arg;
                h[k] = cutoff * sinc * window;
                sum += h[k];
            }
            for (int k = 0; k < h.length; k++) {
                table[p][k] = (float) (h[k] / sum);
            }
        }
        return table;
    }

    /** The zeroth-order modified Bessel function of the first kind, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }
}
