package org.diva.transcode.video.h264;

/**
 * Integer-sample motion estimation for 16x16 macroblocks and the motion compensation that goes with it.
 *
 * <p>The search follows x264's "dia" method: evaluate a few predictor candidates (the median predictor, zero, the
 * neighbours' vectors), then walk a small diamond (four neighbours at distance one) from the best until no
 * neighbour improves, minimising SAD + λ·(bits of the vector difference). SADs stop early once a partial sum
 * exceeds the best so far. Vectors are kept such that the block stays inside the reference's replicated border.
 * Chroma is predicted with the eighth-sample bilinear filter of ISO/IEC 14496-10 clause 8.4.2.2.2.
 */
final class MotionSearch {
    private static final int MAX_STEPS = 24;
    /** Vectors stay within ±255 samples: MaxVmvR of levels 2.1 to 3.0 is [-256, +255.75]. */
    private static final int MAX_RANGE = 255;

    private final Plane src;
    private int lambda;
    private int predX;
    private int predY;
    private int minX;
    private int maxX;
    private int minY;
    private int maxY;
    private Plane ref;
    /** Vectors already evaluated for this macroblock, packed as (x << 16) | (y & 0xFFFF). */
    private final int[] visited = new int[4 * MAX_STEPS + 16];
    private int visitedCount;
    private int srcOff;
    private int blockX;
    private int blockY;
    /** Best integer vector (in samples) and its cost after {@link #search}. */
    int bestX;
    int bestY;
    int bestCost;
    int bestSad;

    MotionSearch(Plane src) {
        this.src = src;
    }

    /** Starts a macroblock: where it is, what it predicts from, the vector predictor (quarter samples) and λ. */
    void begin(Plane reference, int mbx, int mby, int mvpX, int mvpY, int lambdaSad) {
        ref = reference;
        blockX = mbx * 16;
        blockY = mby * 16;
        srcOff = src.index(blockX, blockY);
        predX = mvpX;
        predY = mvpY;
        lambda = lambdaSad;
        minX = Math.max(-32 - blockX, -MAX_RANGE);
        maxX = Math.min(ref.width + 16 - blockX, MAX_RANGE);
        minY = Math.max(-32 - blockY, -MAX_RANGE);
        maxY = Math.min(ref.height + 16 - blockY, MAX_RANGE);
        bestCost = Integer.MAX_VALUE;
        bestSad = Integer.MAX_VALUE;
        visitedCount = 0;
    }

    /** Evaluates one candidate integer vector (samples); returns its cost. */
    int consider(int x, int y) {
        x = Math.max(minX, Math.min(maxX, x));
        y = Math.max(minY, Math.min(maxY, y));
        int key = (x << 16) | (y & 0xFFFF);
        for (int i = 0; i < visitedCount; i++) {
            if (visited[i] == key) {
                return Integer.MAX_VALUE;
            }
        }
        if (visitedCount < visited.length) {
            visited[visitedCount++] = key;
        }
        int mvCost = lambda * (BitWriter.seLength(x * 4 - predX) + BitWriter.seLength(y * 4 - predY));
        if (mvCost >= bestCost) {
            return Integer.MAX_VALUE;
        }
        int sad = sad16(ref.index(blockX + x, blockY + y), bestCost - mvCost);
        int cost = sad + mvCost;
        if (cost < bestCost) {
            bestCost = cost;
            bestSad = sad;
            bestX = x;
            bestY = y;
        }
        return cost;
    }

    /** Whether (x, y) in samples is a vector this search may return. */
    boolean inRange(int x, int y) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }

    /** Diamond refinement from the best candidate so far. */
    void search() {
        for (int step = 0; step < MAX_STEPS; step++) {
            int cx = bestX;
            int cy = bestY;
            consider(cx - 1, cy);
            consider(cx + 1, cy);
            consider(cx, cy - 1);
            consider(cx, cy + 1);
            if (bestX == cx && bestY == cy) {
                return;
            }
        }
    }

    private int sad16(int refOff, int limit) {
        byte[] s = src.px;
        byte[] r = ref.px;
        int ss = src.stride;
        int rs = ref.stride;
        int sum = 0;
        int so = srcOff;
        int ro = refOff;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                sum += Math.abs((s[so + x] & 0xFF) - (r[ro + x] & 0xFF));
            }
            if (sum >= limit) {
                return sum;
            }
            so += ss;
            ro += rs;
        }
        return sum;
    }

    /** Copies the 16x16 luma prediction for integer vector (x, y) samples into {@code pred}. */
    static void predictLuma(Plane ref, int bx, int by, int x, int y, int[] pred) {
        byte[] r = ref.px;
        int o = ref.index(bx + x, by + y);
        for (int row = 0; row < 16; row++) {
            int ro = o + row * ref.stride;
            for (int col = 0; col < 16; col++) {
                pred[row * 16 + col] = r[ro + col] & 0xFF;
            }
        }
    }

    /** 8x8 chroma prediction for a luma vector in quarter samples (= chroma eighth samples) into pred[po..]. */
    static void predictChroma(Plane ref, int cx, int cy, int mvx, int mvy, int[] pred, int po) {
        int fx = mvx & 7;
        int fy = mvy & 7;
        int o = ref.index(cx + (mvx >> 3), cy + (mvy >> 3));
        byte[] r = ref.px;
        int s = ref.stride;
        if ((fx | fy) == 0) {
            for (int row = 0; row < 8; row++) {
                int ro = o + row * s;
                int p = po + row * 8;
                for (int col = 0; col < 8; col++) {
                    pred[p + col] = r[ro + col] & 0xFF;
                }
            }
            return;
        }
        int wa = (8 - fx) * (8 - fy);
        int wb = fx * (8 - fy);
        int wc = (8 - fx) * fy;
        int wd = fx * fy;
        for (int row = 0; row < 8; row++) {
            int ro = o + row * s;
            for (int col = 0; col < 8; col++) {
                int a = r[ro + col] & 0xFF;
                int b = r[ro + col + 1] & 0xFF;
                int c = r[ro + s + col] & 0xFF;
                int d = r[ro + s + col + 1] & 0xFF;
                pred[po + row * 8 + col] = (wa * a + wb * b + wc * c + wd * d + 32) >> 6;
            }
        }
    }
}
