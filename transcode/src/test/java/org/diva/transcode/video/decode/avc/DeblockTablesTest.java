package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.diva.transcode.codec.H264ChromaQp;
import org.junit.jupiter.api.Test;

/** The copied tables against entries read off 14496-10 Tables 8-15, 8-16 and 8-17. */
class DeblockTablesTest {
    private static int tc0(int bS, int indexA) {
        return DeblockTables.TC0[52 * (bS - 1) + indexA];
    }

    @Test
    void alphaAndBetaAreIndexedByIndexAAndIndexB() {
        assertEquals(0, DeblockTables.ALPHA[15]);
        assertEquals(4, DeblockTables.ALPHA[16]);
        assertEquals(25, DeblockTables.ALPHA[30]);
        assertEquals(255, DeblockTables.ALPHA[51]);
        assertEquals(0, DeblockTables.BETA[15]);
        assertEquals(2, DeblockTables.BETA[16]);
        assertEquals(8, DeblockTables.BETA[30]);
        assertEquals(18, DeblockTables.BETA[51]);
    }

    @Test
    void tc0IsIndexedByStrengthThenIndexA() {
        // The first non-zero entry of each bS column of Table 8-17, and the last row.
        assertEquals(0, tc0(1, 22));
        assertEquals(1, tc0(1, 23));
        assertEquals(0, tc0(2, 20));
        assertEquals(1, tc0(2, 21));
        assertEquals(0, tc0(3, 16));
        assertEquals(1, tc0(3, 17));
        assertEquals(13, tc0(1, 51));
        assertEquals(17, tc0(2, 51));
        assertEquals(25, tc0(3, 51));
        assertEquals(2, tc0(1, 36));
        assertEquals(3, tc0(2, 36));
        assertEquals(4, tc0(3, 36));
    }

    @Test
    void chromaQpFollowsTable815WithTheOffsetClipped() {
        assertEquals(29, H264ChromaQp.of(29, 0));
        assertEquals(29, H264ChromaQp.of(30, 0));
        assertEquals(35, H264ChromaQp.of(39, 0));
        assertEquals(39, H264ChromaQp.of(51, 0));
        assertEquals(39, H264ChromaQp.of(50, 4));
        assertEquals(34, H264ChromaQp.of(36, 0));
        assertEquals(0, H264ChromaQp.of(3, -12));
        assertEquals(18, H264ChromaQp.of(30, -12));
    }
}
