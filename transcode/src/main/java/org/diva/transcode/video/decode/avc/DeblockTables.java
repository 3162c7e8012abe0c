package org.diva.transcode.video.decode.avc;

import org.jcodec.codecs.h264.decode.deblock.DeblockingFilter;

/**
 * The deblocking filter's tables (14496-10 8.7.2.2): alpha' and beta' by indexA / indexB (Table 8-16), tC0' by indexA
 * and bS 1..3 (Table 8-17), and QPc by qPI (Table 8-15).
 *
 * <p>Tables 8-16 and 8-17 are copied once from JCodec's public statics (never mutated, never shared): JCodec keeps
 * them as {@code alphaTab[indexA]}, {@code betaTab[indexB]} and {@code tcs[bS - 1][indexA]}; DeblockTablesTest checks
 * that orientation against entries read from the standard's tables. Table 8-15 is small enough to write here.
 */
final class DeblockTables {
    private DeblockTables() {
    }

    /** alpha' by indexA 0..51. */
    static final int[] ALPHA = DeblockingFilter.alphaTab.clone();
    /** beta' by indexB 0..51. */
    static final int[] BETA = DeblockingFilter.betaTab.clone();
    /** tC0' by {@code 52 * (bS - 1) + indexA}, bS 1..3: one flat array so the filter indexes it without a second hop. */
    static final int[] TC0 = flatTc0();

    private static int[] flatTc0() {
        int[][] tcs = DeblockingFilter.tcs;
        if (tcs.length != 3 || ALPHA.length != 52 || BETA.length != 52) {
            throw new IllegalStateException("JCodec's deblocking tables are not the shape 14496-10 Tables 8-16/8-17 have");
        }
        int[] flat = new int[3 * 52];
        for (int bs = 0; bs < 3; bs++) {
            if (tcs[bs].length != 52) {
                throw new IllegalStateException("JCodec's tC0 table row " + bs + " has " + tcs[bs].length + " entries");
            }
            System.arraycopy(tcs[bs], 0, flat, 52 * bs, 52);
        }
        return flat;
    }

    static int clip51(int v) {
        return v < 0 ? 0 : Math.min(v, 51);
    }
}
