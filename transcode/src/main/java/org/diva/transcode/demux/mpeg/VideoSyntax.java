package org.diva.transcode.demux.mpeg;

/**
 * Where access units begin in a start-code delimited video stream, and which units are keyframes.
 *
 * <p>H.264 (ISO/IEC 14496-10 section 7.4.1.2.3): an access unit delimiter always begins one; SPS, PPS, SEI and
 * NAL types 14-18 begin one once the current unit has a slice; a slice begins one when its first_mb_in_slice is 0
 * (a ue(v) of 0 is a single 1 bit, so the byte after the header has its top bit set). HEVC (ISO/IEC 23008-2
 * section 7.4.2.4.4) alike, with first_slice_segment_in_pic_flag. MPEG-1/2 video (ISO/IEC 13818-2 section 6.2):
 * a sequence header, GOP header or picture start code begins a unit once the current one has a picture; MPEG-4
 * Part 2 (ISO/IEC 14496-2 section 6.2) the same with VOS/VO/VOL/GOV headers and VOPs.
 */
enum VideoSyntax {
    H264, HEVC, MPEG12, MPEG4;

    /** Bytes needed after the 00 00 01 prefix to classify a start code. */
    int lookahead() {
        return this == HEVC ? 3 : 2;
    }

    /**
     * Whether the start code whose prefix is at {@code p} can open a unit: it does when the current unit already
     * has a picture.
     */
    boolean opens(byte[] b, int p) {
        int c = b[p + 3] & 0xff;
        return switch (this) {
            case H264 -> {
                int type = c & 0x1f;
                if (type == 9) {
                    yield true;
                }
                if (type == 1 || type == 5) {
                    yield (b[p + 4] & 0x80) != 0;
                }
                yield (type == 6 || type == 7 || type == 8 || (type >= 14 && type <= 18));
            }
            case HEVC -> {
                int type = (c >> 1) & 0x3f;
                if (type == 35) {
                    yield true;
                }
                if (type <= 31) {
                    yield (b[p + 5] & 0x80) != 0;
                }
                yield (type == 32 || type == 33 || type == 34 || type == 39
                        || (type >= 41 && type <= 44) || (type >= 48 && type <= 55));
            }
            case MPEG12 -> c == 0xb3 || c == 0xb8 || c == 0x00;
            case MPEG4 -> c == 0xb0 || c <= 0x2f || c == 0xb3 || c == 0xb6;
        };
    }

    /** Whether the start code at {@code p} carries picture data (a slice, a picture header, a VOP). */
    boolean isPicture(byte[] b, int p) {
        int c = b[p + 3] & 0xff;
        return switch (this) {
            case H264 -> (c & 0x1f) >= 1 && (c & 0x1f) <= 5;
            case HEVC -> ((c >> 1) & 0x3f) <= 31;
            case MPEG12 -> c == 0x00;
            case MPEG4 -> c == 0xb6;
        };
    }

    /** Whether a NAL unit or header at {@code p} makes its unit a keyframe. */
    boolean marksKeyframe(byte[] b, int p, int limit) {
        int c = b[p + 3] & 0xff;
        return switch (this) {
            // IDR, or an SEI whose first message is a recovery point (payloadType 6)
            case H264 -> (c & 0x1f) == 5 || ((c & 0x1f) == 6 && p + 4 < limit && (b[p + 4] & 0xff) == 6);
            case HEVC -> ((c >> 1) & 0x3f) >= 16 && ((c >> 1) & 0x3f) <= 21; // IRAP pictures
            case MPEG12 -> c == 0x00 && p + 5 < limit && ((b[p + 5] >> 3) & 7) == 1; // picture_coding_type I
            case MPEG4 -> c == 0xb6 && p + 4 < limit && ((b[p + 4] & 0xff) >> 6) == 0; // vop_coding_type I
        };
    }
}
