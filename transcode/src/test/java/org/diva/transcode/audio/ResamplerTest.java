package org.diva.transcode.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResamplerTest {
    private static float[] sine(int rate, int n, double hz, double phaseSamples) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * (i + phaseSamples) / rate));
        }
        return x;
    }

    private static float[] run(Resampler r, float[] in, int chunk) {
        float[] out = new float[0];
        for (int from = 0; from < in.length; from += chunk) {
            float[] part = java.util.Arrays.copyOfRange(in, from, Math.min(in.length, from + chunk));
            out = concat(out, r.process(new float[][] {part})[0]);
        }
        return concat(out, r.flush(in.length, out.length)[0]);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @ParameterizedTest
    @CsvSource({"44100, 48000, 1000", "44100, 48000, 15000", "32000, 48000, 440", "22050, 48000, 5000",
        "48000, 44100, 3000", "96000, 48000, 12000"})
    void toneKeepsItsFrequencyPhaseAndLevel(int in, int out, double hz) {
        int n = in * 2;
        float[] y = run(new Resampler(in, out, 1), sine(in, n, hz, 0), 1000);
        assertEquals((n * (long) out + in - 1) / in, y.length, "output length is the input's duration");
        // Compare with the ideal tone at the output rate: no delay, no gain error, little distortion.
        float[] ideal = sine(out, y.length, hz, 0);
        double snr = AudioSignals.snr(ideal, y, 0, 200, y.length - 200);
        assertTrue(snr > 60, in + " -> " + out + " Hz at " + hz + " Hz: SNR " + snr + " dB");
    }

    @Test
    void aToneAboveTheNewNyquistFrequencyIsRemovedNotAliased() {
        float[] y = run(new Resampler(48000, 44100, 1), sine(48000, 48000, 23000, 0), 4096);
        double level = AudioSignals.rms(y, 1000, y.length - 1000) / (0.5 / Math.sqrt(2));
        assertTrue(20 * Math.log10(level) < -60, "23 kHz leaks at " + 20 * Math.log10(level) + " dB");
    }

    @Test
    void chunkingDoesNotChangeTheResult() {
        float[] x = AudioSignals.music(44100, 20000, 5);
        assertArrayEquals(run(new Resampler(44100, 48000, 1), x, 20000), run(new Resampler(44100, 48000, 1), x, 77));
    }

    @Test
    void absurdRatiosAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Resampler(44101, 48000, 2));
        assertThrows(IllegalArgumentException.class, () -> new Resampler(0, 48000, 2));
    }
}
