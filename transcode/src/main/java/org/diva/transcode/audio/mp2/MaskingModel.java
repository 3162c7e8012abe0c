package org.diva.transcode.audio.mp2;

/**
 * A simple psychoacoustic approximation that gives each subband a signal-to-mask ratio (SMR) for the bit
 * allocation, in the spirit of ISO/IEC 11172-3 annex D (psychoacoustic model 1) but computed from the subband
 * samples instead of a 1024-point FFT.
 *
 * <p>Each subband's level is its mean energy in dB, 0 dB being one 16-bit LSB so that a full-scale sine is about
 * 93 dB, as the annex scales it. Every subband masks the others through a spreading function on the Bark scale
 * (Zwicker's critical bands, formula from Traunmüller): the masker's level minus an offset of {@value #OFFSET_DB}
 * dB (between the annex's tonal 14.5 dB and noise 5.5 dB, as we cannot tell tones from noise at this resolution),
 * falling 27 dB per Bark towards lower frequencies and 12 dB per Bark towards higher ones. The mask of a subband is
 * the power sum of those contributions, floored by the absolute threshold of hearing (Terhardt's formula) at the
 * most sensitive frequency inside the subband.
 */
final class MaskingModel {
    private static final double OFFSET_DB = 12;
    private static final double LSB_DB = 96.33; // 20 log10(32768)

    private final double[][] spread = new double[32][32];
    private final double[] quietDb = new double[32];
    private final double[] energy = new double[32];

    MaskingModel(int sampleRate) {
        double width = sampleRate / 64.0;
        for (int sb = 0; sb < 32; sb++) {
            for (int masker = 0; masker < 32; masker++) {
                double dz = bark((sb + 0.5) * width) - bark((masker + 0.5) * width);
                double attenuation = OFFSET_DB + (dz >= 0 ? 12 * dz : -27 * dz);
                spread[sb][masker] = Math.pow(10, -attenuation / 10);
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
        }
        for (int sb = 0; sb < sblimit; sb++) {
            double mask = 0;
            double[] row = spread[sb];
            for (int masker = 0; masker < 32; masker++) {
                mask += energy[masker] * row[masker];
            }
            double levelDb = 10 * Math.log10(energy[sb]) + LSB_DB;
            double maskDb = Math.max(10 * Math.log10(mask) + LSB_DB, quietDb[sb]);
            smr[sb] = levelDb - maskDb;
        }
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
