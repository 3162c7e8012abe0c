package org.diva.transcode.thumbnail;

/**
 * Resizes a {@link Plane} with a box filter as wide as the larger of one source and one target pixel, separably
 * (rows, then columns). Shrinking, that is area averaging: each target pixel is the mean of the source area it
 * covers, fractional edges weighted by how much of them it covers, which is what ffmpeg's {@code flags=area} and
 * {@code java.awt.image.AreaAveragingScaleFilter} compute. Enlarging (chroma planes of a small picture), the box is one
 * source pixel wide and the weights fall off linearly: bilinear interpolation. Pixel centres are aligned, as swscale
 * aligns them.
 *
 * <p>Memory is the target plane plus one filtered row per source row being combined: the source is read row by row.
 */
final class Resampler {
    /** For each target index: the first source index it reads and the weights of that and the following ones. */
    private record Taps(int[] first, float[][] weights) {
    }

    private Resampler() {
    }

    static Plane resize(Plane source, int width, int height) {
        if (width == source.width() && height == source.height()) {
            return copy(source);
        }
        Taps across = taps(source.width(), width);
        Taps down = taps(source.height(), height);
        byte[] out = new byte[width * height];
        float[] sourceRow = new float[source.width()];
        float[] sum = new float[width];
        float[][] cache = new float[2][width];
        int[] cachedRow = {-1, -1};
        for (int y = 0; y < height; y++) {
            java.util.Arrays.fill(sum, 0);
            float[] weights = down.weights()[y];
            for (int k = 0; k < weights.length; k++) {
                int sy = down.first()[y] + k;
                float[] filtered = filteredRow(source, sy, across, sourceRow, cache, cachedRow);
                float w = weights[k];
                for (int x = 0; x < width; x++) {
                    sum[x] += w * filtered[x];
                }
            }
            int at = y * width;
            for (int x = 0; x < width; x++) {
                out[at + x] = (byte) Math.min(255, Math.max(0, Math.round(sum[x])));
            }
        }
        return Plane.of(out, width, height);
    }

    private static Plane copy(Plane source) {
        int w = source.width();
        byte[] out = new byte[w * source.height()];
        for (int y = 0; y < source.height(); y++) {
            int from = source.offset() + y * source.stride();
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) (source.data()[from + x] + source.bias());
            }
        }
        return Plane.of(out, w, source.height());
    }

    /** Row {@code sy} filtered across; the last two are kept, as a target row shares its edge rows with the next. */
    private static float[] filteredRow(Plane source, int sy, Taps across, float[] sourceRow, float[][] cache,
                                       int[] cachedRow) {
        for (int i = 0; i < 2; i++) {
            if (cachedRow[i] == sy) {
                return cache[i];
            }
        }
        int slot = cachedRow[0] < cachedRow[1] ? 0 : 1; // rows arrive in increasing order: replace the older
        source.row(sy, sourceRow);
        float[] filtered = cache[slot];
        for (int x = 0; x < filtered.length; x++) {
            float[] weights = across.weights()[x];
            int first = across.first()[x];
            float value = 0;
            for (int k = 0; k < weights.length; k++) {
                value += weights[k] * sourceRow[first + k];
            }
            filtered[x] = value;
        }
        cachedRow[slot] = sy;
        return filtered;
    }

    /**
     * The filter taps from {@code from} samples to {@code to}: target pixel j is centred on source coordinate
     * (j + 0.5) * ratio and covers a box of max(ratio, 1) source pixels around it; each source pixel weighs what of
     * it lies in the box, the box's ends clamped to the picture, and the weights are normalised to sum to 1.
     */
    static Taps taps(int from, int to) {
        double ratio = (double) from / to;
        double half = Math.max(ratio, 1) / 2;
        int[] first = new int[to];
        float[][] weights = new float[to][];
        for (int j = 0; j < to; j++) {
            double centre = (j + 0.5) * ratio;
            double lo = Math.max(0, centre - half);
            double hi = Math.min(from, centre + half);
            int start = (int) Math.floor(lo);
            int end = Math.max(start + 1, (int) Math.ceil(hi));
            float[] w = new float[end - start];
            double total = 0;
            for (int i = start; i < end; i++) {
                double overlap = Math.min(hi, i + 1) - Math.max(lo, i);
                w[i - start] = (float) Math.max(0, overlap);
                total += w[i - start];
            }
            if (total <= 0) {
                w[0] = 1;
                total = 1;
            }
            for (int k = 0; k < w.length; k++) {
                w[k] /= total;
            }
            first[j] = start;
            weights[j] = w;
        }
        return new Taps(first, weights);
    }
}
