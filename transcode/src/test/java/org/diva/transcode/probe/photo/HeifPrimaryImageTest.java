package org.diva.transcode.probe.photo;

import static org.diva.transcode.probe.Fixtures.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.diva.transcode.probe.MediaFormatException;
import org.junit.jupiter.api.Test;

/** Meta boxes laid out as phones write them: a grid of tiles as the primary item, transforms after the size. */
class HeifPrimaryImageTest {
    private static final byte[] FULL_BOX = {0, 0, 0, 0};

    @Test
    void iphoneStyleGridWithRotation() throws Exception {
        // ipco: 1 hvcC, 2 ispe 512x512 (tiles), 3 ispe 4032x3024 (grid), 4 irot 270 anticlockwise
        byte[] ipco = box("ipco", box("hvcC", new byte[8]), ispe(512, 512), ispe(4032, 3024), box("irot", 3));
        // item 1 is a tile; item 49, the primary, is the grid: its size (3) and its rotation (4, marked essential)
        byte[] ipma = box("ipma", FULL_BOX, be32(2), be16(1), new byte[] {2, (byte) 0x81, 2},
                be16(49), new byte[] {2, 3, (byte) 0x84});
        HeifPrimaryImage image = HeifPrimaryImage.fromMeta(meta(pitm(49), box("iprp", ipco, ipma)));
        assertEquals(new HeifPrimaryImage(4032, 3024, 6), image);
    }

    @Test
    void mirrorThenRotateInAssociationOrderWithWideIndices() throws Exception {
        byte[] ipco = box("ipco", ispe(300, 200), box("imir", 0), box("irot", 1));
        byte[] ipma = box("ipma", new byte[] {0, 0, 0, 1}, be32(1), be16(1), new byte[] {3},
                be16(1), be16(2), be16(0x8003));
        HeifPrimaryImage image = HeifPrimaryImage.fromMeta(meta(pitm(1), box("iprp", ipco, ipma)));
        assertEquals(new HeifPrimaryImage(300, 200, 5), image); // left-right, then 90 anticlockwise
    }

    @Test
    void primaryWithoutSize() {
        byte[] ipco = box("ipco", box("hvcC", new byte[8]));
        byte[] ipma = box("ipma", FULL_BOX, be32(1), be16(1), new byte[] {1, (byte) 0x81});
        MediaFormatException e = assertThrows(MediaFormatException.class,
                () -> HeifPrimaryImage.fromMeta(meta(pitm(1), box("iprp", ipco, ipma))));
        assertEquals("damaged HEIF: the primary image has no size (ispe)", e.getMessage());
    }

    private static ByteBuffer meta(byte[]... children) {
        return ByteBuffer.wrap(concat(FULL_BOX, concat(children)));
    }

    private static byte[] pitm(int item) {
        return box("pitm", FULL_BOX, be16(item));
    }

    private static byte[] ispe(int width, int height) {
        return box("ispe", FULL_BOX, be32(width), be32(height));
    }

    private static byte[] box(String type, int singleByte) {
        return box(type, new byte[] {(byte) singleByte});
    }

    private static byte[] box(String type, byte[]... payload) {
        byte[] body = concat(payload);
        return concat(be32(8 + body.length), type.getBytes(StandardCharsets.US_ASCII), body);
    }

    private static byte[] be32(int n) {
        return ByteBuffer.allocate(4).putInt(n).array();
    }

    private static byte[] be16(int n) {
        return ByteBuffer.allocate(2).putShort((short) n).array();
    }
}
