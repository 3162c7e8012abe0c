package org.diva.transcode.video.decode.avc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The sample filters of 14496-10 8.7.2.3 (bS below 4) and 8.7.2.4 (bS equal to 4), one line of samples across an
 * edge at a time, in place.
 *
 * <p>A line is addressed by the index of q0 in the plane and the distance between successive samples across the edge
 * ({@code step}: 1 for a vertical edge, the stride for a horizontal one), so p_i is at {@code q0 - (i + 1) * step} and
 * q_i at {@code q0 + i * step}. Every output is computed from the unfiltered inputs, as the standard's primes demand.
 */
final class EdgeFilter {
    /*
     * Across a vertical edge (step 1) one line's samples p3..q3 are 8 consecutive bytes: they are read as one
     * little-endian long (p3 in the low byte) and the changed ones written back as one int or long, one bounds check
     * instead of up to fourteen. Horizontal edges keep per-sample access: there the lines are the consecutive bytes.
     */
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private EdgeFilter() {
    }

    /**
     * Filters {@code lines} luma lines starting with q0 at {@code q}, the next line {@code along} further.
     *
     * @param tc0 tC0' for this bS (ignored when bS is 4)
     */
    static void luma(byte[] s, int q, int step, int along, int lines, int bS, int alpha, int beta, int tc0) {
        if (step == 1) {
            if (bS < 4) {
                lumaNormalAcross(s, q, along, lines, alpha, beta, tc0);
            } else {
                lumaStrongAcross(s, q, along, lines, alpha, beta);
            }
        } else if (bS < 4) {
            lumaNormal(s, q, step, along, lines, alpha, beta, tc0);
        } else {
            lumaStrong(s, q, step, along, lines, alpha, beta);
        }
    }

    /** {@link #lumaNormal} for a vertical edge, one long read and one int write per line. */
    private static void lumaNormalAcross(byte[] s, int q, int along, int lines, int alpha, int beta, int tc0) {
        for (int n = 0; n < lines; n++, q += along) {
            long v = (long) LONG.get(s, q - 4);
            int p2 = (int) (v >>> 8) & 0xFF;
            int p1 = (int) (v >>> 16) & 0xFF;
            int p0 = (int) (v >>> 24) & 0xFF;
            int q0 = (int) (v >>> 32) & 0xFF;
            int q1 = (int) (v >>> 40) & 0xFF;
            int q2 = (int) (v >>> 48) & 0xFF;
            int on = ((Math.abs(p0 - q0) - alpha) & (Math.abs(p1 - p0) - beta) & (Math.abs(q1 - q0) - beta)) >> 31;
            if (on == 0) {
                continue;
            }
            int pSmooth = (Math.abs(p2 - p0) - beta) >> 31;
            int qSmooth = (Math.abs(q2 - q0) - beta) >> 31;
            int tc = tc0 - pSmooth - qSmooth;
            int delta = clip(((q0 - p0) * 4 + (p1 - q1) + 4) >> 3, tc);
            int mean = (p0 + q0 + 1) >> 1;
            int np1 = p1 + (clip((p2 + mean - (p1 << 1)) >> 1, tc0) & pSmooth);
            int nq1 = q1 + (clip((q2 + mean - (q1 << 1)) >> 1, tc0) & qSmooth);
            INT.set(s, q - 2, np1 | clip255i(p0 + delta) << 8 | clip255i(q0 - delta) << 16 | nq1 << 24);
        }
    }

    /** {@link #lumaStrong} for a vertical edge, one long read and one long write per filtered line. */
    private static void lumaStrongAcross(byte[] s, int q, int along, int lines, int alpha, int beta) {
        for (int n = 0; n < lines; n++, q += along) {
            long v = (long) LONG.get(s, q - 4);
            int p1 = (int) (v >>> 16) & 0xFF;
            int p0 = (int) (v >>> 24) & 0xFF;
            int q0 = (int) (v >>> 32) & 0xFF;
            int q1 = (int) (v >>> 40) & 0xFF;
            int d = Math.abs(p0 - q0);
            if (d >= alpha || Math.abs(p1 - p0) >= beta || Math.abs(q1 - q0) >= beta) {
                continue;
            }
            int p3 = (int) v & 0xFF;
            int p2 = (int) (v >>> 8) & 0xFF;
            int q2 = (int) (v >>> 48) & 0xFF;
            int q3 = (int) (v >>> 56) & 0xFF;
            boolean smallStep = d < (alpha >> 2) + 2;
            int np0;
            int np1 = p1;
            int np2 = p2;
            if (smallStep && Math.abs(p2 - p0) < beta) {
                np0 = (p2 + 2 * p1 + 2 * p0 + 2 * q0 + q1 + 4) >> 3;
                np1 = (p2 + p1 + p0 + q0 + 2) >> 2;
                np2 = (2 * p3 + 3 * p2 + p1 + p0 + q0 + 4) >> 3;
            } else {
                np0 = (2 * p1 + p0 + q1 + 2) >> 2;
            }
            int nq0;
            int nq1 = q1;
            int nq2 = q2;
            if (smallStep && Math.abs(q2 - q0) < beta) {
                nq0 = (p1 + 2 * p0 + 2 * q0 + 2 * q1 + q2 + 4) >> 3;
                nq1 = (p0 + q0 + q1 + q2 + 2) >> 2;
                nq2 = (2 * q3 + 3 * q2 + q1 + q0 + p0 + 4) >> 3;
            } else {
                nq0 = (2 * q1 + q0 + p1 + 2) >> 2;
            }
            int low = p3 | np2 << 8 | np1 << 16 | np0 << 24;
            int high = nq0 | nq1 << 8 | nq2 << 16 | q3 << 24;
            LONG.set(s, q - 4, (low & 0xFFFFFFFFL) | (long) high << 32);
        }
    }

    /**
     * bS 1..3 (8.7.2.3). Branch-free: on real pictures whether a line passes filterSamplesFlag, and whether each side
     * is flat, is close to a coin toss, so the conditions become masks (all ones or zero) that gate the changes, and
     * every line is written back, unchanged where a mask is zero.
     */
    private static void lumaNormal(byte[] s, int q, int step, int along, int lines, int alpha, int beta, int tc0) {
        for (int n = 0; n < lines; n++, q += along) {
            int p0 = s[q - step] & 0xFF;
            int q0 = s[q] & 0xFF;
            int p1 = s[q - 2 * step] & 0xFF;
            int q1 = s[q + step] & 0xFF;
            int p2 = s[q - 3 * step] & 0xFF;
            int q2 = s[q + 2 * step] & 0xFF;
            // filterSamplesFlag (8-468) as a mask: each term is negative exactly when its condition holds.
            int on = (Math.abs(p0 - q0) - alpha) & (Math.abs(p1 - p0) - beta) & (Math.abs(q1 - q0) - beta);
            on >>= 31;
            int pSmooth = (Math.abs(p2 - p0) - beta) >> 31;
            int qSmooth = (Math.abs(q2 - q0) - beta) >> 31;
            int tc = tc0 - pSmooth - qSmooth;
            int delta = clip(((q0 - p0) * 4 + (p1 - q1) + 4) >> 3, tc) & on;
            int mean = (p0 + q0 + 1) >> 1;
            s[q - step] = clip255(p0 + delta);
            s[q] = clip255(q0 - delta);
            s[q - 2 * step] = (byte) (p1 + (clip((p2 + mean - (p1 << 1)) >> 1, tc0) & pSmooth & on));
            s[q + step] = (byte) (q1 + (clip((q2 + mean - (q1 << 1)) >> 1, tc0) & qSmooth & on));
        }
    }

    /** bS 4 (8.7.2.4): the strong filter reaches three samples deep where the side is flat and the step small. */
    private static void lumaStrong(byte[] s, int q, int step, int along, int lines, int alpha, int beta) {
        for (int n = 0; n < lines; n++, q += along) {
            int p0 = s[q - step] & 0xFF;
            int q0 = s[q] & 0xFF;
            int p1 = s[q - 2 * step] & 0xFF;
            int q1 = s[q + step] & 0xFF;
            int d = Math.abs(p0 - q0);
            if (d >= alpha || Math.abs(p1 - p0) >= beta || Math.abs(q1 - q0) >= beta) {
                continue;
            }
            int p2 = s[q - 3 * step] & 0xFF;
            int q2 = s[q + 2 * step] & 0xFF;
            boolean smallStep = d < (alpha >> 2) + 2;
            if (smallStep && Math.abs(p2 - p0) < beta) {
                int p3 = s[q - 4 * step] & 0xFF;
                s[q - step] = (byte) ((p2 + 2 * p1 + 2 * p0 + 2 * q0 + q1 + 4) >> 3);
                s[q - 2 * step] = (byte) ((p2 + p1 + p0 + q0 + 2) >> 2);
                s[q - 3 * step] = (byte) ((2 * p3 + 3 * p2 + p1 + p0 + q0 + 4) >> 3);
            } else {
                s[q - step] = (byte) ((2 * p1 + p0 + q1 + 2) >> 2);
            }
            if (smallStep && Math.abs(q2 - q0) < beta) {
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
        int tc = tc0 + 1;
        if (step == 1) {
            chromaAcross(s, q, along, lines, bS, alpha, beta, tc);
            return;
        }
        for (int n = 0; n < lines; n++, q += along) {
            int p0 = s[q - step] & 0xFF;
            int q0 = s[q] & 0xFF;
            int p1 = s[q - 2 * step] & 0xFF;
            int q1 = s[q + step] & 0xFF;
            // filterSamplesFlag as a mask, as in lumaNormal: each term is negative exactly when its condition holds.
            int on = ((Math.abs(p0 - q0) - alpha) & (Math.abs(p1 - p0) - beta) & (Math.abs(q1 - q0) - beta)) >> 31;
            if (bS < 4) {
                int delta = clip(((q0 - p0) * 4 + (p1 - q1) + 4) >> 3, tc) & on;
                s[q - step] = clip255(p0 + delta);
                s[q] = clip255(q0 - delta);
            } else {
                s[q - step] = (byte) (p0 + ((((2 * p1 + p0 + q1 + 2) >> 2) - p0) & on));
                s[q] = (byte) (q0 + ((((2 * q1 + q0 + p1 + 2) >> 2) - q0) & on));
            }
        }
    }

    /** {@link #chroma} for a vertical edge: p1..q1 read as one int, p0 and q0 written as one short. */
    private static void chromaAcross(byte[] s, int q, int along, int lines, int bS, int alpha, int beta, int tc) {
        for (int n = 0; n < lines; n++, q += along) {
            int v = (int) INT.get(s, q - 2);
            int p1 = v & 0xFF;
            int p0 = (v >>> 8) & 0xFF;
            int q0 = (v >>> 16) & 0xFF;
            int q1 = v >>> 24;
            if (Math.abs(p0 - q0) >= alpha || Math.abs(p1 - p0) >= beta || Math.abs(q1 - q0) >= beta) {
                continue;
            }
            int np0;
            int nq0;
            if (bS < 4) {
                int delta = clip(((q0 - p0) * 4 + (p1 - q1) + 4) >> 3, tc);
                np0 = clip255i(p0 + delta);
                nq0 = clip255i(q0 - delta);
            } else {
                np0 = (2 * p1 + p0 + q1 + 2) >> 2;
                nq0 = (2 * q1 + q0 + p1 + 2) >> 2;
            }
            SHORT.set(s, q - 1, (short) (np0 | nq0 << 8));
        }
    }

    private static int clip255i(int v) {
        return Math.max(0, Math.min(v, 255));
    }

    private static int clip(int v, int limit) {
        return Math.max(-limit, Math.min(v, limit));
    }

    private static byte clip255(int v) {
        return (byte) Math.max(0, Math.min(v, 255));
    }
}
