package org.diva.transcode.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Finds NAL units in an H.264/H.265 byte stream (ITU-T H.264 annex B), where each NAL unit follows a
 * 00 00 01 start code (optionally preceded by more zero bytes), as MPEG-TS and MPEG-PS carry them.
 */
public final class AnnexB {
    private AnnexB() {
    }

    /** Matches an H.264 NAL unit of the given nal_unit_type by its header byte. */
    public static IntPredicate h264Type(int type) {
        return header -> (header & 0x9f) == type; // forbidden_zero_bit 0, any nal_ref_idc
    }

    /**
     * Returns the first NAL unit in {@code data[0, length)} whose header byte matches, without its start code and
     * trailing zero bytes.
     *
     * @param endIsBoundary whether the data ends where the stream ends; otherwise a NAL unit that is not followed
     *                      by another start code in the data may be incomplete and is not returned
     */
    public static Optional<byte[]> firstNal(byte[] data, int length, IntPredicate header, boolean endIsBoundary) {
        int limit = Math.min(length, data.length);
        int start = payloadAfterStartCode(data, 0, limit);
        while (start >= 0 && start < limit) {
            int next = startCode(data, start, limit);
            if (header.test(data[start] & 0xff)) {
                if (next < 0 && !endIsBoundary) {
                    return Optional.empty();
                }
                int end = next < 0 ? limit : next;
                while (end > start + 1 && data[end - 1] == 0) {
                    end--;
                }
                return Optional.of(Arrays.copyOfRange(data, start, end));
            }
            start = next < 0 ? -1 : next + 3;
        }
        return Optional.empty();
    }

    private static int payloadAfterStartCode(byte[] data, int from, int limit) {
        int code = startCode(data, from, limit);
        return code < 0 ? -1 : code + 3;
    }

    /** The index of the next 00 00 01 at or after {@code from}, or -1. */
    private static int startCode(byte[] data, int from, int limit) {
        for (int i = from; i + 2 < limit; i++) {
            if (data[i + 2] == 1 && data[i + 1] == 0 && data[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Every NAL unit of Annex B data from the buffer's position to its limit (start codes 00 00 01 / 00 00 00 01),
     * each a view of the same bytes without its start code and trailing zero bytes.
     */
    public static List<ByteBuffer> split(ByteBuffer data) {
        List<ByteBuffer> nals = new ArrayList<>(4);
        int end = data.limit();
        int start = -1;
        int i = data.position();
        while (i + 2 < end) {
            if ((data.get(i + 2) & 0xff) > 1) {
                i += 3;
            } else if (data.get(i) == 0 && data.get(i + 1) == 0 && data.get(i + 2) == 1) {
                if (start >= 0) {
                    nals.add(slice(data, start, trimZeros(data, start, i)));
                }
                start = i + 3;
                i += 3;
            } else {
                i++;
            }
        }
        if (start >= 0 && start < end) {
            nals.add(slice(data, start, end));
        }
        return nals;
    }

    /** Drops the zero bytes before a start code (the leading zero of a 4-byte start code, trailing_zero_8bits). */
    private static int trimZeros(ByteBuffer data, int from, int to) {
        while (to > from && data.get(to - 1) == 0) {
            to--;
        }
        return to;
    }

    private static ByteBuffer slice(ByteBuffer data, int from, int to) {
        return data.duplicate().limit(to).position(from).slice();
    }
}
