package org.diva.transcode.audio.mp2;

/**
 * A simple psychoacoustic approximation that gives each subband a signal-to-mask ratio (SMR) for the bit
 * allocation, in the spirit of ISO/IEC 11172-3 annex D (psychoacoustic model 1) but computed from the subband
 * samples instead of a 1024-point FFT.
 *
 * <p>Each subband's level is its mean energy in dB, 0 dB being one 16-bit LSB so that a full-scale sine is about
 * 93 dB, as the annex scales it. Every subband masks the others through a spreading function on the Bark scale
 * (Zwicker's critical bands, formula from Traunmüller), falling 27 dB per Bark towards lower frequencies and 12 dB
 * per Bark towards higher ones, after an offset that depends on how tonal the masker is: model 1's tonal offset
 * (14.5 + z dB at z Bark) for a tone, its noise offset (5.5 dB) for noise, interpolated by a tonality in [0, 1]
 * (as model 2 interpolates). Tonality is read from the subband samples themselves: a few sinusoids in a subband
 * make its 36 samples predictable, noise does not, so the gain of an order-4 linear predictor (Levinson-Durbin on
 * the autocorrelation) maps 3..33 dB onto 0..1. The mask of a subband is the power sum of the contributions,
 * floored by the absolute threshold of hearing (Terhardt's formula) at the most sensitive frequency in the subband.
 */
final class MaskingModel {
    private static final double LSB_DB = 96.33; // 20 log10(32768)
    private static final int ORDER = 4;

    private final double[][] spread = new double[32][32];
    private final double[] bark = new double[32];
    private final double[] quietDb = new double[32];
    private final double[] energy = new double[32];
    private final double[] weighted = new double[32];
    private final double[] autocorrelation = new double[ORDER + 1];
    private final double[] predictor = new double[ORDER + 1];
    private final double[] previous = new double[ORDER + 1];

    MaskingModel(int sampleRate) {
        double width = sampleRate / 64.0;
        for (int sb = 0; sb < 32; sb++) {
            bark[sb] = bark((sb + 0.5) * width);
        }
        for (int sb = 0; sb < 32; sb++) {
            for (int masker = 0; masker < 32; masker++) {
                double dz = bark[sb] - bark[masker];
                spread[sb][masker] = Math.pow(10, -(dz >= 0 ? 12 * dz : -27 * dz) / 10);
            }
            double lowest = Double.MAX_VALUE;
            for (int step = 0; step <= 8; step++) {
                lowest = Math.min(lowest, thresholdInQuiet(Math.max(20, (sb + step / 8.0) * width)));
            }
            quietDb[sb] = lowest;
        }
    }

    /**
     * Fills {@code smr[0..sblimit)} for one channel from its 36 x 32 subband samples (time-major).
     */
    void smr(float[] subbands, int sblimit, double[] smr) {
        for (int sb = 0; sb < 32; sb++) {
            double sum = 0;
            for (int t = 0; t < 36; t++) {
                float s = subbands[t * 32 + sb];
                sum += s * s;
            }
            energy[sb] = sum / 36 + 1e-30;
            double tonality = tonality(subbands, sb);
            double offsetDb = tonality * (14.5 + bark[sb]) + (1 - tonality) * 5.5;
            weighted[sb] = energy[sb] * Math.pow(10, -offsetDb / 10);
        }
        for (int sb = 0; sb < sblimit; sb++) {
            double mask = 0;
            double[] row = spread[sb];
            for (int masker = 0; masker < 32; masker++) {
                mask += weighted[masker] * row[masker];
            }
            double levelDb = 10 * Math.log10(energy[sb]) + LSB_DB;
            double maskDb = Math.max(10 * Math.log10(mask) + LSB_DB, quietDb[sb]);
            smr[sb] = levelDb - maskDb;
        }
    }

    /** 0 for noise, 1 for a few steady sinusoids: the order-4 prediction gain of the subband's samples. */
    private double tonality(float[] subbands, int sb) {
        for (int lag = 0; lag <= ORDER; lag++) {
            double sum = 0;
            for (int t = lag; t < 36; t++) {
                sum += (double) subbands[t * 32 + sb] * subbands[(t - lag) * 32 + sb];
            }
            autocorrelation[lag] = sum;
        }
        double error = autocorrelation[0];
        if (error <= 1e-20) {
            return 0;
        }
        java.util.Arrays.fill(predictor, 0);
        for (int i = 1; i <= ORDER; i++) {
            double acc = autocorrelation[i];
            for (int j = 1; j < i; j++) {
                acc -= predictor[j] * autocorrelation[i - j];
            }
            double k = acc / error;
            System.arraycopy(predictor, 0, previous, 0, ORDER + 1);
            predictor[i] = k;
            for (int j = 1; j < i; j++) {
                predictor[j] = previous[j] - k * previous[i - j];
            }
            error *= 1 - k * k;
            if (error <= autocorrelation[0] * 1e-6) {
                return 1;
            }
        }
        double gainDb = 10 * Math.log10(autocorrelation[0] / error);
        return Math.max(0, Math.min(1, (gainDb - 3) / 30));
    }

    private static double bark(double hz) {
        return 26.81 * hz / (1960 + hz) - 0.53;
    }

    /** Terhardt's threshold in quiet, in dB SPL taken as dB above one LSB. */
    private static double thresholdInQuiet(double hz) {
        double khz = hz / 1000;
        return 3.64 * Math.pow(khz, -0.8) - 6.5 * Math.exp(-0.6 * (khz - 3.3) * (khz - 3.3))
                + 1e-3 * Math.pow(khz, 4);
    }
}
