package org.diva.transcode.video.decode.avc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Splits Annex B data (start codes 00 00 01 / 00 00 00 01) into NAL units, each a view without its start code. */
final class NalUnits {
    private NalUnits() {
    }

    static List<ByteBuffer> split(ByteBuffer data) {
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
