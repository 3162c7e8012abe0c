package org.diva.transcode.video.scale;

/**
 * The taps that make each output sample of one axis: where they start in the source and their weights in 1/16384ths,
 * the same count for every output sample (zero-padded) so the inner loops have no branches.
 *
 * <p>The kernel is a triangle (tent) stretched by the downscaling ratio, as swscale's "bilinear" does: plain bilinear
 * interpolation when enlarging, and when shrinking by a factor r a tent of radius r, so every source sample counts
 * and fine detail averages out instead of aliasing (a 1.5x shrink uses four taps). Sample centres are aligned, output
 * sample i sitting at source position (i + 0.5) * r - 0.5, and taps beyond the edge fold onto the edge sample.
 */
final class FilterTable {
    static final int BITS = 14;
    static final int ONE = 1 << BITS;

    final int taps;
    /** First source index of output i's taps. */
    final int[] start;
    /** taps weights for output i at [i * taps, (i + 1) * taps), summing to {@link #ONE}. */
    final int[] weights;

    FilterTable(int source, int target) {
        if (source <= 0 || target <= 0) {
            throw new IllegalArgumentException("cannot scale " + source + " samples to " + target);
        }
        double ratio = (double) source / target;
        double radius = Math.max(1, ratio);
        // The tent is non-zero on an open interval 2 * radius long, which holds at most ceil(2 * radius) samples.
        int n = Math.min(source, (int) Math.ceil(2 * radius - 1e-9));
        taps = n;
        start = new int[target];
        weights = new int[target * n];
        double[] w = new double[n];
        for (int i = 0; i < target; i++) {
            double centre = (i + 0.5) * ratio - 0.5;
            int first = (int) Math.floor(centre - radius) + 1;
            // Keep the window inside the source; taps past an edge fold onto it.
            int from = Math.max(0, Math.min(first, source - n));
            java.util.Arrays.fill(w, 0);
            double sum = 0;
            for (int k = first; k < first + n; k++) {
                double weight = Math.max(0, 1 - Math.abs(k - centre) / radius);
                int at = Math.max(0, Math.min(source - 1, k)) - from;
                w[Math.max(0, Math.min(n - 1, at))] += weight;
                sum += weight;
            }
            start[i] = from;
            quantise(w, sum, weights, i * n);
        }
    }

    /** Rounds weights to fixed point, putting the rounding error on the largest so they sum to exactly ONE. */
    private static void quantise(double[] w, double sum, int[] out, int at) {
        int total = 0;
        int largest = 0;
        for (int k = 0; k < w.length; k++) {
            out[at + k] = (int) Math.round(w[k] / sum * ONE);
            total += out[at + k];
            if (w[k] > w[largest]) {
                largest = k;
            }
        }
        out[at + largest] += ONE - total;
    }
}
