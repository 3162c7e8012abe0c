package org.diva.transcode.demux.matroska;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diva.transcode.probe.MediaFormatException;
import org.junit.jupiter.api.Test;

/** Lace headers that lie are refused with the Block's offset; honest ones split exactly. */
class LacingTest {

    @Test
    void honestLacesSplit() throws MediaFormatException {
        // Three frames: 255 + 1 = 256 bytes, 3 bytes, and the rest (8).
        byte[] data = new byte[4 + 256 + 3 + 8];
        System.arraycopy(new byte[] {2, (byte) 255, 1, 3}, 0, data, 0, 4);
        assertArrayEquals(new int[][] {{4, 256}, {260, 3}, {263, 8}},
                Lacing.split(data, 0, data.length, Lacing.XIPH, 0));
        byte[] fixed = new byte[9];
        fixed[0] = 1;
        assertArrayEquals(new int[][] {{1, 4}, {5, 4}}, Lacing.split(fixed, 0, 9, Lacing.FIXED, 0));
        // EBML: first size 3, then +2 (a one-byte signed difference: 0x80 | (2 + 63)), the rest 1.
        byte[] ebml = new byte[3 + 3 + 5 + 1];
        System.arraycopy(new byte[] {2, (byte) 0x83, (byte) (0x80 | 65)}, 0, ebml, 0, 3);
        assertArrayEquals(new int[][] {{3, 3}, {6, 5}, {11, 1}}, Lacing.split(ebml, 0, ebml.length, Lacing.EBML, 0));
    }

    @Test
    void lyingLacesAreRefused() {
        String[] messages = {
            refusal(new byte[] {1, (byte) 200, 0, 0}, Lacing.XIPH),
            refusal(new byte[] {1, (byte) 255, (byte) 255}, Lacing.XIPH),
            refusal(new byte[] {2, 0, 0, 0, 0, 0, 0, 0}, Lacing.FIXED),
            refusal(new byte[] {1, 0x7F, 0, 0}, Lacing.EBML),
            refusal(new byte[] {2, (byte) 0x81, (byte) 0x80, 0, 0}, Lacing.EBML),
            refusal(new byte[] {}, Lacing.XIPH),
            refusal(new byte[] {1, 0}, Lacing.EBML),
        };
        for (String message : messages) {
            assertTrue(message.contains("byte 4,242"), message);
        }
    }

    private static String refusal(byte[] data, int lacing) {
        return assertThrows(MediaFormatException.class, () -> Lacing.split(data, 0, data.length, lacing, 4242))
                .getMessage();
    }
}
