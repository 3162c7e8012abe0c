package org.diva.transcode.video.decode.avc;

import java.util.Arrays;
import org.diva.transcode.probe.MediaFormatException;
import org.jcodec.codecs.h264.H264Const;

/**
 * scaling_list() (14496-10 7.3.2.1.1.1) and the fall-back rules of Table 7-2. Lists are transmitted in zig-zag
 * order (Tables 7-3/7-4 give the defaults in that order too); we store them in raster order, as {@link Sps} and
 * {@link Pps} promise, so dequantisation indexes them by coefficient position.
 */
final class ScalingLists {
    private static final int[] DEFAULT_4X4_INTRA = raster(H264Const.defaultScalingList4x4Intra, Scans.ZIGZAG_4X4);
    private static final int[] DEFAULT_4X4_INTER = raster(H264Const.defaultScalingList4x4Inter, Scans.ZIGZAG_4X4);
    private static final int[] DEFAULT_8X8_INTRA = raster(H264Const.defaultScalingList8x8Intra, Scans.ZIGZAG_8X8);
    private static final int[] DEFAULT_8X8_INTER = raster(H264Const.defaultScalingList8x8Inter, Scans.ZIGZAG_8X8);

    private ScalingLists() {
    }

    /** Flat_4x4_16 / Flat_8x8_16 for all lists: what a stream without scaling matrices uses. */
    static int[][] flat(int count, int size) {
        int[][] lists = new int[count][size];
        for (int[] list : lists) {
            Arrays.fill(list, 16);
        }
        return lists;
    }

    static int[] defaultList(int i) {
        return switch (i) {
            case 0, 1, 2 -> DEFAULT_4X4_INTRA.clone();
            case 3, 4, 5 -> DEFAULT_4X4_INTER.clone();
            case 6 -> DEFAULT_8X8_INTRA.clone();
            default -> DEFAULT_8X8_INTER.clone();
        };
    }

    /**
     * Reads the {@code count} (8 or 12 in an SPS, 6 or 8 in a PPS) scaling lists of a matrix whose present flag was 1
     * and applies the fall-back rules: a list not sent takes, for lists 0, 3, 6 and 7, {@code fallback[i]} (the
     * defaults under rule A, the SPS's lists under rule B), and for the others the list before it of the same kind.
     *
     * @param fallback4x4 six 4x4 lists (raster), @param fallback8x8 two 8x8 lists (raster)
     * @param out4x4 receives six lists, @param out8x8 receives two lists (untouched beyond {@code count - 6})
     */
    static void read(RbspBits bits, int count, int[][] fallback4x4, int[][] fallback8x8, int[][] out4x4,
                     int[][] out8x8) throws MediaFormatException {
        for (int i = 0; i < count; i++) {
            boolean is4x4 = i < 6;
            int[] scan = is4x4 ? Scans.ZIGZAG_4X4 : Scans.ZIGZAG_8X8;
            int[] list;
            if (bits.flag()) {
                list = readList(bits, scan, i);
            } else if (i == 0 || i == 3) {
                list = fallback4x4[i].clone();
            } else if (i == 6 || i == 7) {
                list = fallback8x8[i - 6].clone();
            } else if (is4x4) {
                list = out4x4[i - 1].clone();
            } else {
                list = out8x8[i - 8].clone(); // 4:4:4 only (Cb/Cr 8x8), never reached for 4:2:0
            }
            if (is4x4) {
                out4x4[i] = list;
            } else if (i < 8) {
                out8x8[i - 6] = list;
            }
        }
    }

    /** 7.3.2.1.1.1: delta-coded values in scan order; a first nextScale of 0 selects the default list. */
    private static int[] readList(RbspBits bits, int[] scan, int i) throws MediaFormatException {
        int[] list = new int[scan.length];
        int last = 8;
        int next = 8;
        for (int j = 0; j < scan.length; j++) {
            if (next != 0) {
                int delta = bits.se("delta_scale", -128, 127);
                next = (last + delta + 256) % 256;
                if (j == 0 && next == 0) {
                    return defaultList(i);
                }
            }
            list[scan[j]] = next == 0 ? last : next;
            last = list[scan[j]];
        }
        return list;
    }

    private static int[] raster(int[] zigzagOrder, int[] scan) {
        int[] out = new int[scan.length];
        for (int k = 0; k < scan.length; k++) {
            out[scan[k]] = zigzagOrder[k];
        }
        return out;
    }
}
