package org.diva.transcode.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test signals and the measurements the audio tests judge by: delay by cross-correlation, SNR, Goertzel power. */
public final class AudioSignals {
    private AudioSignals() {
    }

    /** A logarithmic sine sweep from {@code f0} to {@code f1} Hz at amplitude {@code a}. */
    public static float[] sweep(int rate, int samples, double f0, double f1, double a) {
        float[] out = new float[samples];
        double duration = samples / (double) rate;
        double k = Math.log(f1 / f0);
        for (int i = 0; i < samples; i++) {
            double t = i / (double) rate;
            double phase = 2 * Math.PI * f0 * duration / k * (Math.exp(t / duration * k) - 1);
            out[i] = (float) (a * Math.sin(phase));
        }
        return out;
    }

    /** A music-like mix: a few harmonic tones with vibrato and a slow amplitude envelope, plus a little noise. */
    public static float[] music(int rate, int samples, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] out = new float[samples];
        double[] notes = {220, 277.18, 329.63, 440};
        for (int i = 0; i < samples; i++) {
            double t = i / (double) rate;
            double v = 0;
            for (int n = 0; n < notes.length; n++) {
                double f = notes[n] * (1 + 0.003 * Math.sin(2 * Math.PI * 5 * t + n));
                double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 0.7 * t + n);
                for (int h = 1; h <= 6; h++) {
                    v += envelope * 0.08 / h * Math.sin(2 * Math.PI * f * h * t + h * n);
                }
            }
            out[i] = (float) (v + 0.005 * random.nextGaussian());
        }
        return out;
    }

    /** Reads interleaved little-endian float32 PCM as planar channels. */
    public static float[][] readF32(Path file, int channels) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int frames = b.remaining() / 4 / channels;
        float[][] out = new float[channels][frames];
        for (int i = 0; i < frames; i++) {
            for (int ch = 0; ch < channels; ch++) {
                out[ch][i] = b.getFloat();
            }
        }
        return out;
    }

    /** The lag (decoded index minus reference index) in [0, maxLag] at which the two correlate best. */
    public static int delay(float[] reference, float[] decoded, int maxLag) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        int n = Math.min(reference.length, decoded.length) - maxLag;
        for (int lag = 0; lag <= maxLag; lag++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += reference[i] * decoded[i + lag];
            }
            if (sum > bestScore) {
                bestScore = sum;
                best = lag;
            }
        }
        return best;
    }

    /** SNR in dB of {@code decoded[i + lag]} against {@code reference[i]} over [from, to). */
    public static double snr(float[] reference, float[] decoded, int lag, int from, int to) {
        double signal = 0;
        double noise = 0;
        for (int i = from; i < to; i++) {
            double e = decoded[i + lag] - reference[i];
            signal += reference[i] * reference[i];
            noise += e * e;
        }
        return 10 * Math.log10(signal / Math.max(noise, 1e-30));
    }

    /** Power of {@code x[from, to)} at {@code hz} relative to its total power (1 for a pure tone at hz). */
    public static double goertzel(float[] x, int from, int to, int rate, double hz) {
        double w = 2 * Math.PI * hz / rate;
        double c = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        double total = 0;
        for (int i = from; i < to; i++) {
            double s = x[i] + c * s1 - s2;
            s2 = s1;
            s1 = s;
            total += x[i] * x[i];
        }
        double power = s1 * s1 + s2 * s2 - c * s1 * s2;
        return power / ((to - from) / 2.0) / Math.max(total, 1e-30);
    }

    public static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
