package org.diva.transcode.audio.mp2;

/**
 * Chooses the three scale factors of a subband in a frame (one per 12 subband samples) and how many to send
 * (scfsi, ISO/IEC 11172-3 section 2.4.2.7).
 *
 * <p>Each part gets the smallest scale factor of table B.1 not below its peak. Parts whose factors differ by at most
 * two steps (4 dB) share the larger one, as annex C.1.5.2 does for near-stationary signals: the quantisation noise
 * rises by at most 4 dB there but 6 or 12 bits are saved for the samples.
 */
final class ScaleFactorCoder {
    private static final int MERGE_STEPS = 2;

    private ScaleFactorCoder() {
    }

    /**
     * Sets {@code index[0..3)} for subband {@code sb} of the 36 x 32 time-major {@code subbands} and returns the
     * scfsi code: 0 all three sent, 1 first two shared, 2 one for all, 3 last two shared.
     */
    static int choose(float[] subbands, int sb, int[] index) {
        for (int part = 0; part < 3; part++) {
            float peak = 0;
            for (int t = part * 12; t < part * 12 + 12; t++) {
                peak = Math.max(peak, Math.abs(subbands[t * 32 + sb]));
            }
            index[part] = indexFor(peak);
        }
        int a = index[0];
        int b = index[1];
        int c = index[2];
        int max = Math.max(a, Math.max(b, c));
        int min = Math.min(a, Math.min(b, c));
        if (max - min <= MERGE_STEPS) {
            index[0] = index[1] = index[2] = min;
            return 2;
        }
        if (Math.abs(a - b) <= MERGE_STEPS) {
            index[0] = index[1] = Math.min(a, b);
            return 1;
        }
        if (Math.abs(b - c) <= MERGE_STEPS) {
            index[1] = index[2] = Math.min(b, c);
            return 3;
        }
        return 0;
    }

    /** How many scale factors scfsi {@code code} sends. */
    static int transmitted(int code) {
        return code == 0 ? 3 : code == 2 ? 1 : 2;
    }

    /** The largest index (smallest factor) whose factor still covers {@code peak}. */
    static int indexFor(float peak) {
        float[] scale = Mp2Tables.SCALE;
        // log2(2/peak)*3 is close to the answer; step back until the factor covers the peak.
        int guess = peak <= 0 ? scale.length - 1
                : (int) Math.min(scale.length - 1, Math.max(0, Math.floor(3 * (1 - Math.log(peak) / Math.log(2)))));
        while (guess > 0 && scale[guess] < peak) {
            guess--;
        }
        return guess;
    }
}
