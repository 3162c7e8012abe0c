package org.diva.transcode.audio.mp2;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Mp2SettingsTest {
    @ParameterizedTest
    @CsvSource({"44100, 2, 64", "48000, 2, 448", "48000, 1, 384", "22050, 2, 192", "48000, 3, 192", "48000, 1, 48"})
    void combinationsLayerTwoDoesNotAllowAreRefused(int rate, int channels, int kbps) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Mp2Settings(rate, channels, kbps, false));
        assertTrue(e.getMessage().contains("MP2"), e.getMessage());
    }

    @Test
    void theStandardChoiceIsValid() {
        Mp2Settings.standard(48000, 2);
        Mp2Settings.standard(44100, 1);
    }
}
