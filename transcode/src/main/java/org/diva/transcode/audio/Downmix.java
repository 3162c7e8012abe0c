package org.diva.transcode.audio;

/**
 * Mixes interleaved PCM in WAVE channel order (L, R, C, LFE, Ls, Rs, then back pair) to stereo or mono.
 *
 * <p>Coefficients follow ITU-R BS.775 (table 2): Lo = L + 0.707 C + 0.707 Ls, Ro = R + 0.707 C + 0.707 Rs; the LFE
 * is left out, as the recommendation does; a back pair of 7.1 joins the surround side at 0.707, a single back
 * centre goes to both sides at 0.5. The matrix is then scaled so that its largest row sums to 1, so full-scale
 * audio in every channel at once cannot clip (ffmpeg's default, instead, clips). Mono sums the stereo downmix at
 * half gain; mono to stereo copies.
 */
public final class Downmix {
    private static final float HALF_POWER = 0.70710677f;

    private final int inChannels;
    private final int outChannels;
    private final float[][] matrix;

    private Downmix(int inChannels, int outChannels, float[][] matrix) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.matrix = matrix;
    }

    /** A mix from {@code inChannels} (1..8, WAVE order) to {@code outChannels} (1 or 2). */
    public static Downmix of(int inChannels, int outChannels) {
        if (inChannels < 1 || inChannels > 8 || inChannels == 7) {
            throw new IllegalArgumentException("cannot downmix " + inChannels + " channels (1..6 or 8 supported)");
        }
        if (outChannels != 1 && outChannels != 2) {
            throw new IllegalArgumentException("downmix target must be mono or stereo, not " + outChannels);
        }
        float[][] stereo = new float[2][inChannels];
        if (inChannels == 1) {
            stereo[0][0] = 1;
            stereo[1][0] = 1;
        } else {
            stereo[0][0] = 1;
            stereo[1][1] = 1;
            if (inChannels >= 3) {
                stereo[0][2] = HALF_POWER;
                stereo[1][2] = HALF_POWER;
            }
            if (inChannels == 4) { // L R C Cs: the back centre feeds both sides
                stereo[0][3] = 0.5f;
                stereo[1][3] = 0.5f;
            }
            if (inChannels == 5) { // L R C Ls Rs
                stereo[0][3] = HALF_POWER;
                stereo[1][4] = HALF_POWER;
            }
            if (inChannels >= 6) { // L R C LFE Ls Rs [Lb Rb]; LFE (3) stays out
                stereo[0][4] = HALF_POWER;
                stereo[1][5] = HALF_POWER;
            }
            if (inChannels == 8) {
                stereo[0][6] = HALF_POWER;
                stereo[1][7] = HALF_POWER;
            }
            normalise(stereo);
        }
        if (outChannels == 2) {
            return new Downmix(inChannels, 2, stereo);
        }
        float[][] mono = new float[1][inChannels];
        for (int c = 0; c < inChannels; c++) {
            mono[0][c] = inChannels == 1 ? 1 : 0.5f * (stereo[0][c] + stereo[1][c]);
        }
        return new Downmix(inChannels, 1, mono);
    }

    private static void normalise(float[][] m) {
        float largest = 0;
        for (float[] row : m) {
            float sum = 0;
            for (float v : row) {
                sum += v;
            }
            largest = Math.max(largest, sum);
        }
        for (float[] row : m) {
            for (int c = 0; c < row.length; c++) {
                row[c] /= largest;
            }
        }
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    /** Mixes interleaved {@code in} into planar output channels, {@code frames} samples each. */
    public float[][] apply(float[] in) {
        int frames = in.length / inChannels;
        float[][] out = new float[outChannels][frames];
        for (int o = 0; o < outChannels; o++) {
            float[] row = matrix[o];
            float[] dst = out[o];
            for (int i = 0; i < frames; i++) {
                int base = i * inChannels;
                float sum = 0;
                for (int c = 0; c < inChannels; c++) {
                    sum += row[c] * in[base + c];
                }
                dst[i] = sum;
            }
        }
        return out;
    }
}
