package org.diva.transcode.video.h264;

/**
 * Small loops over 4x4 blocks of int samples (stride-addressed inside a macroblock-sized array) that the residual
 * coder runs many times per macroblock.
 */
final class Blocks {
    /** x264's decimation weights: a ±1 after a short zero run is worth more bits than one after a long run. */
    private static final int[] DECIMATE_SCORE = {3, 2, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private Blocks() {
    }

    /** The decimation score of a scan-ordered 4x4 block of levels; 9 (never dropped) if any |level| > 1. */
    static int decimateScore(int[] lev, int o) {
        int idx = 15;
        while (idx >= 0 && lev[o + idx] == 0) {
            idx--;
        }
        int score = 0;
        while (idx >= 0) {
            int l = lev[o + idx--];
            if (l > 1 || l < -1) {
                return 9;
            }
            int run = 0;
            while (idx >= 0 && lev[o + idx] == 0) {
                idx--;
                run++;
            }
            score += DECIMATE_SCORE[run];
        }
        return score;
    }

    /** Writes the residual block and returns its SAD. */
    static int residual4x4(int[] src, int[] pred, int stride, int off, int[] out, int o) {
        int sad = 0;
        for (int y = 0; y < 4; y++) {
            int s = off + y * stride;
            for (int x = 0; x < 4; x++) {
                int d = src[s + x] - pred[s + x];
                out[o + y * 4 + x] = d;
                sad += Math.abs(d);
            }
        }
        return sad;
    }

    static int sad4x4(int[] src, int[] pred, int stride, int off) {
        int sad = 0;
        for (int y = 0; y < 4; y++) {
            int s = off + y * stride;
            for (int x = 0; x < 4; x++) {
                sad += Math.abs(src[s + x] - pred[s + x]);
            }
        }
        return sad;
    }

    static int sum4x4(int[] src, int[] pred, int stride, int off) {
        int sum = 0;
        for (int y = 0; y < 4; y++) {
            int s = off + y * stride;
            for (int x = 0; x < 4; x++) {
                sum += src[s + x] - pred[s + x];
            }
        }
        return sum;
    }

    static void copy4x4(int[] pred, int[] recon, int stride, int off) {
        for (int y = 0; y < 4; y++) {
            System.arraycopy(pred, off + y * stride, recon, off + y * stride, 4);
        }
    }

    static void addConstant(int[] pred, int[] recon, int stride, int off, int value) {
        for (int y = 0; y < 4; y++) {
            int s = off + y * stride;
            for (int x = 0; x < 4; x++) {
                int v = pred[s + x] + value;
                recon[s + x] = v < 0 ? 0 : v > 255 ? 255 : v;
            }
        }
    }

    static void addBlock(int[] pred, int[] res, int o, int[] recon, int stride, int off) {
        for (int y = 0; y < 4; y++) {
            int s = off + y * stride;
            for (int x = 0; x < 4; x++) {
                int v = pred[s + x] + res[o + y * 4 + x];
                recon[s + x] = v < 0 ? 0 : v > 255 ? 255 : v;
            }
        }
    }
}
