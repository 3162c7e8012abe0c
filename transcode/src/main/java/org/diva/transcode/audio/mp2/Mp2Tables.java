package org.diva.transcode.audio.mp2;

/**
 * The constant tables of ISO/IEC 11172-3 that Layer II coding needs, written as data: the allowed bitrates
 * (table 2.4.2.3), the possible quantisations per subband (tables B.2a and B.2b), the quantisation classes
 * (table B.4) and the scale factors (table B.1).
 */
final class Mp2Tables {
    /** Layer II bitrates in kb/s by bitrate_index (0 is free format, not used). */
    static final int[] KBPS = {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384};

    /** Quantisation classes of table B.4: number of steps, bits per codeword (per group of three when grouped). */
    static final int[] STEPS = {3, 5, 7, 9, 15, 31, 63, 127, 255, 511, 1023, 2047, 4095, 8191, 16383, 32767, 65535};
    static final int[] CODE_BITS = {5, 7, 3, 10, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    static final boolean[] GROUPED = {true, true, false, true, false, false, false, false, false, false, false,
        false, false, false, false, false, false};
    /**
     * Signal-to-noise ratio in dB each class gives a full-scale signal (table C.5 of the informative annex), which
     * the bit allocation weighs against the signal-to-mask ratio.
     */
    static final double[] SNR_DB = {7.00, 11.00, 16.00, 20.84, 25.28, 31.59, 37.75, 43.84, 49.89, 55.93, 61.96,
        67.98, 74.01, 80.03, 86.05, 92.01, 98.01};

    // The rows of tables B.2a/B.2b: for allocation code 1..2^nbal-1, the class index into STEPS.
    private static final int[] ROW_LOW = {0, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    private static final int[] ROW_MID = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16};
    private static final int[] ROW_HIGH = {0, 1, 2, 3, 4, 5, 16};
    private static final int[] ROW_TOP = {0, 1, 16};

    /** Scale factors of table B.1: 2^(1 - i/3), i = 0..62. */
    static final float[] SCALE = scales();

    private Mp2Tables() {
    }

    /**
     * Table B.2a (27 subbands) or B.2b (30 subbands) as the standard's selection rule picks it for the per-channel
     * bitrate: B.2a at 48 kHz, or at 56..80 kb/s per channel; B.2b at 44.1/32 kHz from 96 kb/s per channel. (The
     * low-rate tables B.2c/B.2d are never selected at the bitrates this encoder accepts.)
     */
    static AllocationTable allocationTable(int sampleRate, int kbpsPerChannel) {
        boolean tableA = sampleRate == 48000 || kbpsPerChannel <= 80;
        int sblimit = tableA ? 27 : 30;
        int[][] classes = new int[sblimit][];
        int[] nbal = new int[sblimit];
        for (int sb = 0; sb < sblimit; sb++) {
            // Allocation code 0 is "no bits"; code c >= 1 selects classes[sb][c - 1].
            int[] row = sb < 3 ? ROW_LOW : sb < 11 ? ROW_MID : sb < 23 ? ROW_HIGH : ROW_TOP;
            classes[sb] = row;
            nbal[sb] = sb < 11 ? 4 : sb < 23 ? 3 : 2;
        }
        return new AllocationTable(sblimit, nbal, classes);
    }

    private static float[] scales() {
        float[] s = new float[63];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.pow(2.0, 1.0 - i / 3.0);
        }
        return s;
    }

    /** The subband limit, the allocation field width and the selectable classes of each subband. */
    record AllocationTable(int sblimit, int[] nbal, int[][] classes) {
    }
}
