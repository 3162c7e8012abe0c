package org.diva.transcode.video.decode.avc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: cuts a raw H.264 elementary stream (Annex B file) into access units the way 14496-10 7.4.1.2.3 says
 * one ends: before an AUD, SPS, PPS or SEI that follows a slice, or before a slice whose first_mb_in_slice is 0.
 */
final class AnnexBAccessUnits {
    private AnnexBAccessUnits() {
    }

    static List<ByteBuffer> split(byte[] file) {
        List<ByteBuffer> units = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 3 < file.length; i++) {
            if (file[i] == 0 && file[i + 1] == 0 && file[i + 2] == 1) {
                starts.add(i + 3);
                i += 2;
            }
        }
        int auStart = 0;
        boolean hasSlice = false;
        for (int start : starts) {
            int type = file[start] & 0x1f;
            boolean slice = type == 1 || type == 5;
            boolean firstMbZero = slice && (file[start + 1] & 0x80) != 0;
            boolean boundary = hasSlice && ((slice && firstMbZero) || type == 6 || type == 7 || type == 8 || type == 9);
            if (boundary) {
                int end = start - 3;
                if (end > 0 && file[end - 1] == 0) {
                    end--;
                }
                units.add(ByteBuffer.wrap(file, auStart, end - auStart).slice());
                auStart = end;
                hasSlice = false;
            }
            hasSlice |= slice;
        }
        units.add(ByteBuffer.wrap(file, auStart, file.length - auStart).slice());
        return units;
    }
}
