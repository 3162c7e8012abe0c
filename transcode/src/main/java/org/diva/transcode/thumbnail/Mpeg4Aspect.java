package org.diva.transcode.thumbnail;

import java.nio.ByteBuffer;
import org.diva.transcode.codec.BitReader;

/**
 * The pixel aspect an MPEG-4 Part 2 stream states in its video object layer header (ISO/IEC 14496-2 section 6.2.3):
 * after random_accessible_vol (1 bit), video_object_type_indication (8) and is_object_layer_identifier (1, then
 * verid 4 and priority 3 when set) comes aspect_ratio_info, an index into Table 6-12 (1:1, 12:11, 10:11, 16:11,
 * 40:33) or 15 followed by an explicit par_width and par_height of 8 bits each. DivX and Xvid encode anamorphic DVD
 * rips this way; the container usually says nothing.
 */
final class Mpeg4Aspect {
    private static final int[][] TABLE = {{1, 1}, {12, 11}, {10, 11}, {16, 11}, {40, 33}};

    private Mpeg4Aspect() {
    }

    /** @return width over height of a pixel; 1 when no VOL header is found or it states nothing usable */
    static double of(ByteBuffer headers) {
        ByteBuffer b = headers.duplicate();
        byte[] bytes = new byte[Math.min(b.remaining(), 4096)]; // the VOL comes before the first VOP's data
        b.get(bytes);
        for (int i = 0; i + 6 < bytes.length; i++) {
            if (bytes[i] == 0 && bytes[i + 1] == 0 && bytes[i + 2] == 1 && (bytes[i + 3] & 0xf0) == 0x20) {
                return parse(new BitReader(bytes, i + 4, bytes.length - i - 4));
            }
        }
        return 1;
    }

    private static double parse(BitReader r) {
        try {
            r.skipBits(1 + 8);
            if (r.readFlag()) {
                r.skipBits(4 + 3);
            }
            int info = r.readInt(4);
            if (info == 15) {
                int w = r.readInt(8);
                int h = r.readInt(8);
                return w > 0 && h > 0 ? (double) w / h : 1;
            }
            return info >= 1 && info <= TABLE.length ? (double) TABLE[info - 1][0] / TABLE[info - 1][1] : 1;
        } catch (RuntimeException truncated) {
            return 1; // a cut header: square is the safe guess, the picture itself decoded
        }
    }
}
