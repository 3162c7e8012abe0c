package org.diva.transcode.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnnexBTest {
    private static final byte[] STREAM = {
        0, 0, 0, 1, 0x09, (byte) 0xf0,           // access unit delimiter, 4-byte start code
        0, 0, 1, 0x67, 0x64, 0x00, 0x1e, 0, 0,    // SPS with trailing zero bytes
        0, 0, 1, 0x68, (byte) 0xeb, (byte) 0xe3,  // PPS
        0, 0, 1, 0x65, (byte) 0x88, (byte) 0x84,  // IDR slice, running to the end of the data
    };

    @Test
    void findsNalUnitsWithoutStartCodesOrTrailingZeros() {
        assertArrayEquals(new byte[] {0x67, 0x64, 0x00, 0x1e},
                AnnexB.firstNal(STREAM, STREAM.length, AnnexB.h264Type(7), false).orElseThrow());
        assertArrayEquals(new byte[] {0x09, (byte) 0xf0},
                AnnexB.firstNal(STREAM, STREAM.length, AnnexB.h264Type(9), false).orElseThrow());
    }

    @Test
    void aNalUnitRunningToTheEndCountsOnlyAtTheEndOfTheStream() {
        assertEquals(Optional.empty(), AnnexB.firstNal(STREAM, STREAM.length, AnnexB.h264Type(5), false));
        assertEquals(3, AnnexB.firstNal(STREAM, STREAM.length, AnnexB.h264Type(5), true).orElseThrow().length);
    }

    @Test
    void findsNothingInDataWithoutStartCodes() {
        assertTrue(AnnexB.firstNal(new byte[64], 64, AnnexB.h264Type(7), true).isEmpty());
        assertTrue(AnnexB.firstNal(new byte[] {0, 0, 1}, 3, h -> true, true).isEmpty());
        assertTrue(AnnexB.firstNal(STREAM, 10, AnnexB.h264Type(7), false).isEmpty(), "the SPS is cut off");
    }
}
