package org.diva.transcode.video.scale;

import org.diva.transcode.video.Frame;

/**
 * Scales 4:2:0 frames of one size to another with a separable tent filter in integer arithmetic (see
 * {@link FilterTable}): each plane is filtered vertically into a reused intermediate of 16-bit-range integers (7
 * fractional bits kept), then horizontally into the output. The caller chooses the target size (keeping the display
 * aspect is its business); chroma planes scale from their own half size to the target's. A 1080p to 720p frame costs
 * about 3 ms on one core. One instance serves one thread; it allocates nothing per frame but the output.
 */
public final class Scaler {
    private static final int KEPT = 7;
    private static final int SHIFT = FilterTable.BITS - KEPT;
    private static final int FINAL = FilterTable.BITS + KEPT;

    private final int srcW;
    private final int srcH;
    private final int dstW;
    private final int dstH;
    private final Plane luma;
    private final Plane chroma;
    private final int[] rows;
    private final int[] acc;

    public Scaler(int srcW, int srcH, int dstW, int dstH) {
        if (srcW <= 0 || srcH <= 0 || dstW <= 0 || dstH <= 0 || ((srcW | srcH | dstW | dstH) & 1) != 0) {
            throw new IllegalArgumentException("4:2:0 sizes must be positive and even: " + srcW + "x" + srcH
                    + " to " + dstW + "x" + dstH);
        }
        this.srcW = srcW;
        this.srcH = srcH;
        this.dstW = dstW;
        this.dstH = dstH;
        luma = new Plane(srcW, srcH, dstW, dstH);
        chroma = new Plane(srcW / 2, srcH / 2, dstW / 2, dstH / 2);
        rows = new int[dstH * srcW];
        acc = new int[srcW];
    }

    public int width() {
        return dstW;
    }

    public int height() {
        return dstH;
    }

    /** The frame at the target size, with the same presentation time; the frame itself when sizes are equal. */
    public Frame scale(Frame frame) {
        if (frame.width() != srcW || frame.height() != srcH) {
            throw new IllegalArgumentException("this scaler takes " + srcW + "x" + srcH + " frames, not "
                    + frame.width() + "x" + frame.height());
        }
        if (srcW == dstW && srcH == dstH) {
            return frame;
        }
        byte[] y = new byte[dstW * dstH];
        byte[] u = new byte[(dstW / 2) * (dstH / 2)];
        byte[] v = new byte[u.length];
        luma.scale(frame.y(), y, rows, acc);
        chroma.scale(frame.u(), u, rows, acc);
        chroma.scale(frame.v(), v, rows, acc);
        return new Frame(dstW, dstH, y, u, v, frame.pts());
    }

    /** The two filter tables of one plane size. */
    private record Plane(int srcW, int srcH, int dstW, int dstH, FilterTable across, FilterTable down) {
        Plane(int srcW, int srcH, int dstW, int dstH) {
            this(srcW, srcH, dstW, dstH, new FilterTable(srcW, dstW), new FilterTable(srcH, dstH));
        }

        /**
         * Vertically first, into {@code dstH} rows of the source width, then horizontally: when shrinking, the
         * horizontal pass (the one with scattered reads, which the JIT cannot vectorise) then runs over fewer rows.
         */
        void scale(byte[] src, byte[] dst, int[] tmp, int[] acc) {
            vertical(src, tmp, acc);
            horizontal(tmp, dst);
        }

        /** Tap by tap over whole rows: simple loops over arrays that the JIT turns into vector instructions. */
        private void vertical(byte[] src, int[] tmp, int[] acc) {
            int taps = down.taps;
            int[] start = down.start;
            int[] weights = down.weights;
            int round = 1 << (SHIFT - 1);
            for (int y = 0; y < dstH; y++) {
                java.util.Arrays.fill(acc, 0, srcW, round);
                for (int k = 0; k < taps; k++) {
                    int weight = weights[y * taps + k];
                    int at = (start[y] + k) * srcW;
                    for (int x = 0; x < srcW; x++) {
                        acc[x] += (src[at + x] & 0xff) * weight;
                    }
                }
                int out = y * srcW;
                for (int x = 0; x < srcW; x++) {
                    tmp[out + x] = acc[x] >> SHIFT;
                }
            }
        }

        private void horizontal(int[] tmp, byte[] dst) {
            int taps = across.taps;
            int[] start = across.start;
            int[] weights = across.weights;
            int round = 1 << (FINAL - 1);
            for (int row = 0; row < dstH; row++) {
                int in = row * srcW;
                int out = row * dstW;
                // Unrolled for the tap counts that matter (2: enlarging, 3: shrinking up to 1.5x, 4: up to 2x).
                switch (taps) {
                    case 2 -> {
                        for (int x = 0, w = 0; x < dstW; x++, w += 2) {
                            int s = in + start[x];
                            dst[out + x] = (byte) ((tmp[s] * weights[w] + tmp[s + 1] * weights[w + 1] + round)
                                    >> FINAL);
                        }
                    }
                    case 3 -> {
                        for (int x = 0, w = 0; x < dstW; x++, w += 3) {
                            int s = in + start[x];
                            dst[out + x] = (byte) ((tmp[s] * weights[w] + tmp[s + 1] * weights[w + 1]
                                    + tmp[s + 2] * weights[w + 2] + round) >> FINAL);
                        }
                    }
                    case 4 -> {
                        for (int x = 0, w = 0; x < dstW; x++, w += 4) {
                            int s = in + start[x];
                            dst[out + x] = (byte) ((tmp[s] * weights[w] + tmp[s + 1] * weights[w + 1]
                                    + tmp[s + 2] * weights[w + 2] + tmp[s + 3] * weights[w + 3] + round) >> FINAL);
                        }
                    }
                    default -> {
                        for (int x = 0; x < dstW; x++) {
                            int s = in + start[x];
                            int w = x * taps;
                            int sum = round;
                            for (int k = 0; k < taps; k++) {
                                sum += tmp[s + k] * weights[w + k];
                            }
                            dst[out + x] = (byte) (sum >> FINAL);
                        }
                    }
                }
            }
        }
    }
}
