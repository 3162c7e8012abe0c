package org.diva.transcode.video.decode.avc;

/**
 * The sample filters of 14496-10 8.7.2.3 (bS below 4) and 8.7.2.4 (bS equal to 4), one line of samples across an
 * edge at a time, in place.
 *
 * <p>A line is addressed by the index of q0 in the plane and the distance between successive samples across the edge
 * ({@code step}: 1 for a vertical edge, the stride for a horizontal one), so p_i is at {@code q0 - (i + 1) * step} and
 * q_i at {@code q0 + i * step}. Every output is computed from the unfiltered inputs, as the standard's primes demand.
 */
final class EdgeFilter {
    private EdgeFilter() {
    }

    /**
     * Filters {@code lines} luma lines starting with q0 at {@code q}, the next line {@code along} further.
     *
     * @param tc0 tC0' for this bS (ignored when bS is 4)
     */
    static void luma(byte[] s, int q, int step, int along, int lines, int bS, int alpha, int beta, int tc0) {
        for (int n = 0; n < lines; n++, q += along) {
            int p0 = s[q - step] & 0xFF;
            int q0 = s[q] & 0xFF;
            int p1 = s[q - 2 * step] & 0xFF;
            int q1 = s[q + step] & 0xFF;
            int d = p0 - q0;
            // filterSamplesFlag (8-468): the edge is only smoothed where it looks like a blocking artefact.
            if ((d < 0 ? -d : d) >= alpha || Math.abs(p1 - p0) >= beta || Math.abs(q1 - q0) >= beta) {
                continue;
            }
            int p2 = s[q - 3 * step] & 0xFF;
            int q2 = s[q + 2 * step] & 0xFF;
            boolean pSmooth = Math.abs(p2 - p0) < beta;
            boolean qSmooth = Math.abs(q2 - q0) < beta;
            if (bS < 4) {
                int tc = tc0 + (pSmooth ? 1 : 0) + (qSmooth ? 1 : 0);
                int delta = clip(((q0 - p0) * 4 + (p1 - q1) + 4) >> 3, tc);
                s[q - step] = clip255(p0 + delta);
                s[q] = clip255(q0 - delta);
                if (pSmooth) {
                    s[q - 2 * step] = (byte) (p1 + clip((p2 + ((p0 + q0 + 1) >> 1) - (p1 << 1)) >> 1, tc0));
                }
                if (qSmooth) {
                    s[q + step] = (byte) (q1 + clip((q2 + ((p0 + q0 + 1) >> 1) - (q1 << 1)) >> 1, tc0));
                }
                continue;
            }
            // bS 4 (8.7.2.4): the strong filter reaches three samples deep where the side is flat and the step small.
            boolean smallStep = (d < 0 ? -d : d) < (alpha >> 2) + 2;
            if (pSmooth && smallStep) {
                int p3 = s[q - 4 * step] & 0xFF;
                s[q - step] = (byte) ((p2 + 2 * p1 + 2 * p0 + 2 * q0 + q1 + 4) >> 3);
                s[q - 2 * step] = (byte) ((p2 + p1 + p0 + q0 + 2) >> 2);
                s[q - 3 * step] = (byte) ((2 * p3 + 3 * p2 + p1 + p0 + q0 + 4) >> 3);
            } else {
                s[q - step] = (byte) ((2 * p1 + p0 + q1 + 2) >> 2);
            }
            if (qSmooth && smallStep) {
                int q3 = s[q + 3 * step] & 0xFF;
                s[q] = (byte) ((p1 + 2 * p0 + 2 * q0 + 2 * q1 + q2 + 4) >> 3);
                s[q + step] = (byte) ((p0 + q0 + q1 + q2 + 2) >> 2);
                s[q + 2 * step] = (byte) ((2 * q3 + 3 * q2 + q1 + q0 + p0 + 4) >> 3);
            } else {
                s[q] = (byte) ((2 * q1 + q0 + p1 + 2) >> 2);
            }
        }
    }

    /** Filters {@code lines} chroma lines (chromaEdgeFlag 1: only p0 and q0 change; tC = tC0 + 1 below bS 4). */
    static void chroma(byte[] s, int q, int step, int along, int lines, int bS, int alpha, int beta, int tc0) {
        for (int n = 0; n < lines; n++, q += along) {
            int p0 = s[q - step] & 0xFF;
            int q0 = s[q] & 0xFF;
            int p1 = s[q - 2 * step] & 0xFF;
            int q1 = s[q + step] & 0xFF;
            if (Math.abs(p0 - q0) >= alpha || Math.abs(p1 - p0) >= beta || Math.abs(q1 - q0) >= beta) {
                continue;
            }
            if (bS < 4) {
                int delta = clip(((q0 - p0) * 4 + (p1 - q1) + 4) >> 3, tc0 + 1);
                s[q - step] = clip255(p0 + delta);
                s[q] = clip255(q0 - delta);
            } else {
                s[q - step] = (byte) ((2 * p1 + p0 + q1 + 2) >> 2);
                s[q] = (byte) ((2 * q1 + q0 + p1 + 2) >> 2);
            }
        }
    }

    private static int clip(int v, int limit) {
        return v < -limit ? -limit : Math.min(v, limit);
    }

    private static byte clip255(int v) {
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
