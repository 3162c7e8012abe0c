package org.diva.transcode.audio.mp2;

/**
 * The polyphase analysis filterbank of ISO/IEC 11172-3 section C.1.3 (figure C.4): 32 new samples shift into a
 * 512-sample FIFO, are weighted by the analysis window C[i], folded into 64 partial sums and matrixed into 32
 * subband samples by S[k] = sum_i cos((2k+1)(i-16)pi/64) Y[i].
 *
 * <p>The window is table C.1 of the standard. Only its first half is stored (as C[i] times 2^21, rounded): the
 * second half mirrors it, C[512-i] = -C[i] except at multiples of 64, where the sign is kept. The matrixing is
 * the direct 32x64 product: at 80 multiply-adds per input sample it is already far faster than real time, so a
 * fast DCT would buy little.
 */
final class AnalysisFilterbank {
    private static final int[] HALF_WINDOW = {
        0, -1, -1, -1, -1, -1, -1, -2, -2, -2, -2, -3,
        -3, -4, -4, -5, -5, -6, -7, -7, -8, -9, -10, -11,
        -13, -14, -16, -17, -19, -21, -24, -26, -29, -31, -35, -38,
        -41, -45, -49, -53, -58, -63, -68, -73, -79, -85, -91, -97,
        -104, -111, -117, -125, -132, -139, -147, -154, -161, -169, -176, -183,
        -190, -196, -202, -208, 213, 218, 222, 225, 227, 228, 228, 227,
        224, 221, 215, 208, 200, 189, 177, 163, 146, 127, 106, 83,
        57, 29, -2, -36, -72, -111, -153, -197, -244, -294, -347, -401,
        -459, -519, -581, -645, -711, -779, -848, -919, -991, -1064, -1137, -1210,
        -1283, -1356, -1428, -1498, -1567, -1634, -1698, -1759, -1817, -1870, -1919, -1962,
        -2001, -2032, -2057, -2075, -2085, -2087, -2080, -2063, 2037, 2000, 1952, 1893,
        1822, 1739, 1644, 1535, 1414, 1280, 1131, 970, 794, 605, 402, 185,
        -45, -288, -545, -814, -1095, -1388, -1692, -2006, -2330, -2663, -3004, -3351,
        -3705, -4063, -4425, -4788, -5153, -5517, -5879, -6237, -6589, -6935, -7271, -7597,
        -7910, -8209, -8491, -8755, -8998, -9219, -9416, -9585, -9727, -9838, -9916, -9959,
        -9966, -9935, -9863, -9750, -9592, -9389, -9139, -8840, -8492, -8092, -7640, -7134,
        6574, 5959, 5288, 4561, 3776, 2935, 2037, 1082, 70, -998, -2122, -3300,
        -4533, -5818, -7154, -8540, -9975, -11455, -12980, -14548, -16155, -17799, -19478, -21189,
        -22929, -24694, -26482, -28289, -30112, -31947, -33791, -35640, -37489, -39336, -41176, -43006,
        -44821, -46617, -48390, -50137, -51853, -53534, -55178, -56778, -58333, -59838, -61289, -62684,
        -64019, -65290, -66494, -67629, -68692, -69679, -70590, -71420, -72169, -72835, -73415, -73908,
        -74313, -74630, -74856, -74992, 75038,
    };
    private static final float[] WINDOW = window();
    private static final float[][] MATRIX = matrix();

    /** The FIFO as a ring: {@code head} is where X[0] (the newest sample) lives. */
    private final float[] fifo = new float[1024];
    private int head;
    private final float[] partial = new float[64];

    /** Takes 32 input samples {@code in[offset + stride*n]} in time order and writes 32 subband samples. */
    void analyse(float[] in, int offset, int stride, float[] subbands, int subbandOffset) {
        for (int n = 0; n < 32; n++) {
            head = (head - 1) & 511;
            float sample = in[offset + stride * n];
            fifo[head] = sample;
            fifo[head + 512] = sample; // the mirror lets the window run without wrapping
        }
        for (int i = 0; i < 64; i++) {
            float sum = 0;
            for (int j = i; j < 512; j += 64) {
                sum += WINDOW[j] * fifo[head + j];
            }
            partial[i] = sum;
        }
        for (int k = 0; k < 32; k++) {
            float[] row = MATRIX[k];
            float sum = 0;
            for (int i = 0; i < 64; i++) {
                sum += row[i] * partial[i];
            }
            subbands[subbandOffset + k] = sum;
        }
    }

    private static float[] window() {
        float[] c = new float[512];
        double scale = 1.0 / (1 << 21);
        for (int i = 0; i <= 256; i++) {
            double v = HALF_WINDOW[i] * scale;
            c[i] = (float) v;
            if (i != 0) {
                c[512 - i] = (float) ((i & 63) != 0 ? -v : v);
            }
        }
        return c;
    }

    private static float[][] matrix() {
        float[][] m = new float[32][64];
        for (int k = 0; k < 32; k++) {
            for (int i = 0; i < 64; i++) {
                m[k][i] = (float) Math.cos((2 * k + 1) * (i - 16) * Math.PI / 64);
            }
        }
        return m;
    }
}
