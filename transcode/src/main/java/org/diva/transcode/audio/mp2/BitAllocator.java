package org.diva.transcode.audio.mp2;

/**
 * Distributes a frame's bits over the subbands of all channels (ISO/IEC 11172-3 annex C.1.5.3, the iterative
 * procedure): repeatedly give one more quantisation step to the subband whose mask-to-noise ratio
 * (SNR of its quantiser minus its SMR) is the worst, as long as the extra bits fit. The first step of a subband also
 * pays for its scfsi and scale factors. Spending every bit, even after all noise is masked, keeps the most margin.
 */
final class BitAllocator {
    private BitAllocator() {
    }

    /**
     * Fills {@code alloc[ch][sb]} with allocation codes (0 = no samples sent).
     *
     * @param available   bits left for scfsi, scale factors and samples
     * @param smr         signal-to-mask ratio per channel and subband, dB
     * @param scaleFactorBits per channel and subband, the scfsi plus scale factor bits paid when it gets samples
     */
    static void allocate(Mp2Tables.AllocationTable table, int channels, int available, double[][] smr,
                         int[][] scaleFactorBits, int[][] alloc) {
        int sblimit = table.sblimit();
        for (int ch = 0; ch < channels; ch++) {
            java.util.Arrays.fill(alloc[ch], 0);
        }
        int left = available;
        while (true) {
            int bestCh = -1;
            int bestSb = -1;
            int bestCost = 0;
            double bestMnr = Double.MAX_VALUE;
            for (int sb = 0; sb < sblimit; sb++) {
                int[] classes = table.classes()[sb];
                for (int ch = 0; ch < channels; ch++) {
                    int code = alloc[ch][sb];
                    if (code >= classes.length) {
                        continue;
                    }
                    int cost = sampleBits(classes[code]) - (code == 0 ? -scaleFactorBits[ch][sb]
                            : sampleBits(classes[code - 1]));
                    if (cost > left) {
                        continue;
                    }
                    double mnr = (code == 0 ? 0 : Mp2Tables.SNR_DB[classes[code - 1]]) - smr[ch][sb];
                    if (mnr < bestMnr) {
                        bestMnr = mnr;
                        bestCh = ch;
                        bestSb = sb;
                        bestCost = cost;
                    }
                }
            }
            if (bestCh < 0) {
                return;
            }
            alloc[bestCh][bestSb]++;
            left -= bestCost;
        }
    }

    /** Bits the 36 samples of one subband take in quantisation class {@code cls}. */
    static int sampleBits(int cls) {
        return Mp2Tables.GROUPED[cls] ? 12 * Mp2Tables.CODE_BITS[cls] : 36 * Mp2Tables.CODE_BITS[cls];
    }
}
