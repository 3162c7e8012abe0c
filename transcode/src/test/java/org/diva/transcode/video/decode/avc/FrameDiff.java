package org.diva.transcode.video.decode.avc;

import org.diva.transcode.video.Frame;

/** Test helper: where a decoded frame differs from a raw yuv420p picture, in macroblock terms. */
final class FrameDiff {
    private FrameDiff() {
    }

    /** Empty when equal; otherwise the first differing macroblock per plane and how many differ. */
    static String describe(Frame frame, byte[] yuv) {
        int w = frame.width();
        int h = frame.height();
        StringBuilder out = new StringBuilder();
        plane(out, "Y", frame.y(), yuv, 0, w, h, 16);
        plane(out, "Cb", frame.u(), yuv, w * h, w / 2, h / 2, 8);
        plane(out, "Cr", frame.v(), yuv, w * h + w * h / 4, w / 2, h / 2, 8);
        return out.toString();
    }

    private static void plane(StringBuilder out, String name, byte[] ours, byte[] yuv, int offset, int w, int h,
                              int mbSize) {
        int mbw = (w + mbSize - 1) / mbSize;
        int mbh = (h + mbSize - 1) / mbSize;
        boolean[] bad = new boolean[mbw * mbh];
        int first = -1;
        int maxDiff = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = ours[y * w + x] & 0xff;
                int b = yuv[offset + y * w + x] & 0xff;
                if (a != b) {
                    int mb = (y / mbSize) * mbw + x / mbSize;
                    bad[mb] = true;
                    maxDiff = Math.max(maxDiff, Math.abs(a - b));
                    if (first < 0 || mb < first) {
                        first = mb;
                    }
                }
            }
        }
        if (first >= 0) {
            int count = 0;
            for (boolean b : bad) {
                count += b ? 1 : 0;
            }
            out.append(name).append(": first differing macroblock ").append(first).append(" (x ")
                    .append(first % mbw).append(", y ").append(first / mbw).append("), ").append(count)
                    .append(" of ").append(mbw * mbh).append(" differ, max difference ").append(maxDiff).append("; ");
        }
    }
}
