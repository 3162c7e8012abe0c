package org.diva.transcode.audio.mp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diva.transcode.audio.AudioSignals;
import org.diva.transcode.codec.MpegAudioHeader;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

class Mp2EncoderTest {
    @TempDir
    Path dir;

    /** Encodes planar PCM (padded with silence to whole frames plus the codec delay) and writes a .mp2 file. */
    static byte[] encode(Mp2Settings settings, float[][] pcm) {
        int frames = (pcm[0].length + Mp2Encoder.CODEC_DELAY) / Mp2Encoder.SAMPLES_PER_FRAME + 1;
        float[][] padded = new float[settings.channels()][frames * Mp2Encoder.SAMPLES_PER_FRAME];
        for (int ch = 0; ch < settings.channels(); ch++) {
            System.arraycopy(pcm[ch], 0, padded[ch], 0, pcm[ch].length);
        }
        Mp2Encoder encoder = new Mp2Encoder(settings);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int f = 0; f < frames; f++) {
            out.writeBytes(encoder.encodeFrame(padded, f * Mp2Encoder.SAMPLES_PER_FRAME));
        }
        return out.toByteArray();
    }

    private float[][] decode(byte[] mp2, int channels) throws IOException {
        Path file = dir.resolve("out.mp2");
        Files.write(file, mp2);
        assertEquals("", Ffmpeg.decodeErrors(file), "ffmpeg -xerror complains");
        Path raw = dir.resolve("out.f32");
        Ffmpeg.ffmpeg("-err_detect", "crccheck", "-i", file.toString(), "-f", "f32le", "-ac",
                String.valueOf(channels), raw.toString());
        return AudioSignals.readF32(raw, channels);
    }

    @ParameterizedTest
    @CsvSource({"48000, 192, 20", "44100, 192, 20", "32000, 192, 18", "48000, 128, 15", "48000, 384, 25",
        "44100, 256, 25"})
    void stereoSweepAndMusicSurviveFfmpegDecode(int rate, int kbps, double minSnr) throws IOException {
        Ffmpeg.assumeInstalled();
        int n = rate * 2;
        float[][] pcm = {AudioSignals.sweep(rate, n, 40, 15000, 0.5), AudioSignals.music(rate, n, 1)};
        byte[] mp2 = encode(new Mp2Settings(rate, 2, kbps, true), pcm);
        float[][] decoded = decode(mp2, 2);
        for (int ch = 0; ch < 2; ch++) {
            int lag = AudioSignals.delay(pcm[ch], decoded[ch], 2000);
            assertEquals(Mp2Encoder.CODEC_DELAY, lag, "codec delay on channel " + ch);
            double snr = AudioSignals.snr(pcm[ch], decoded[ch], lag, 1000, n - 1000);
            System.out.printf("%d Hz %d kb/s channel %d: SNR %.1f dB%n", rate, kbps, ch, snr);
            assertTrue(snr >= minSnr, "SNR " + snr + " dB on channel " + ch);
        }
    }

    /**
     * Mono covers the other allocation tables: B.2a at 48 kHz and at 56..80 kb/s, B.2b from 96 kb/s at 44.1/32.
     * The music signal has a white noise floor 29 dB down in every subband; at low rates the perceptual allocation
     * spends bits on that audible floor rather than on waveform accuracy of the tones, hence the modest SNR floors.
     */
    @ParameterizedTest
    @CsvSource({"48000, 56, 5", "48000, 192, 25", "44100, 80, 10", "44100, 96, 10", "32000, 56, 7",
        "32000, 160, 17"})
    void monoDecodesCleanlyWithEveryAllocationTable(int rate, int kbps, double minSnr) throws IOException {
        Ffmpeg.assumeInstalled();
        int n = rate;
        float[] music = AudioSignals.music(rate, n, 6);
        float[][] decoded = decode(encode(new Mp2Settings(rate, 1, kbps, true), new float[][] {music}), 1);
        double snr = AudioSignals.snr(music, decoded[0], Mp2Encoder.CODEC_DELAY, 1000, n - 1000);
        System.out.printf("mono %d Hz %d kb/s: SNR %.1f dB%n", rate, kbps, snr);
        assertTrue(snr >= minSnr, "SNR " + snr + " dB");
    }

    @Test
    void leftOnlySignalStaysLeftAndDurationIsRight() throws IOException {
        Ffmpeg.assumeInstalled();
        int rate = 48000;
        int n = rate * 3;
        float[][] pcm = {AudioSignals.sweep(rate, n, 100, 8000, 0.7), new float[n]};
        byte[] mp2 = encode(new Mp2Settings(rate, 2, 192, false), pcm);
        float[][] decoded = decode(mp2, 2);
        assertTrue(AudioSignals.rms(decoded[0], 0, n) > 0.3, "left carries the sweep");
        assertTrue(AudioSignals.rms(decoded[1], 0, n) < 1e-3, "right stays silent");
        int frames = mp2.length / 576; // 192 kb/s at 48 kHz: 576-byte frames, no padding
        assertEquals(frames * Mp2Encoder.SAMPLES_PER_FRAME, decoded[0].length);
        Path file = dir.resolve("out.mp2");
        JsonNode stream = Ffmpeg.probe(file).path("streams").path(0);
        assertEquals("mp2", stream.path("codec_name").asText());
        assertEquals(2, stream.path("channels").asInt());
        assertEquals(48000, stream.path("sample_rate").asInt());
    }

    /** ffmpeg checks layer II CRCs under -err_detect crccheck: ours pass, and a flipped allocation bit fails. */
    @Test
    void crcCoversHeaderAndSideInformation() throws IOException {
        Ffmpeg.assumeInstalled();
        float[][] pcm = {AudioSignals.music(48000, 48000, 3), AudioSignals.sweep(48000, 48000, 50, 9000, 0.4)};
        byte[] mp2 = encode(new Mp2Settings(48000, 2, 256, true), pcm);
        assertEquals("", crcComplaints(mp2));
        mp2[6 + 768 * 10] ^= 0x04; // an allocation bit of frame 10 (256 kb/s frames are 768 bytes)
        assertTrue(crcComplaints(mp2).contains("CRC"), "a damaged frame is caught by its CRC");
    }

    private String crcComplaints(byte[] mp2) throws IOException {
        Path file = dir.resolve("crc.mp2");
        Files.write(file, mp2);
        return Ffmpeg.run(java.util.List.of("ffmpeg", "-v", "error", "-err_detect", "crccheck", "-i", file.toString(),
                "-f", "null", "-")).stderr().strip();
    }

    @Test
    void silenceOverloadAndNanStillMakeValidFrames() throws IOException {
        Ffmpeg.assumeInstalled();
        int n = 48000;
        float[] loud = new float[n];
        float[] odd = new float[n];
        for (int i = 0; i < n; i++) {
            loud[i] = (i / 40) % 2 == 0 ? 3f : -3f; // a square wave far beyond full scale
            odd[i] = i < n / 2 ? 0f : i % 7 == 0 ? Float.NaN : i % 11 == 0 ? Float.POSITIVE_INFINITY : 0.1f;
        }
        byte[] mp2 = encode(new Mp2Settings(48000, 2, 192, true), new float[][] {loud, odd});
        float[][] decoded = decode(mp2, 2);
        assertTrue(AudioSignals.rms(decoded[0], 1000, n - 1000) > 0.5, "the overload comes out loud, clipped");
        assertTrue(AudioSignals.rms(decoded[1], 1000, n / 2 - 1000) < 1e-4, "silence stays silent");
    }

    @Test
    void encodersOnTwoThreadsAreIndependent() throws Exception {
        float[][] pcm = {AudioSignals.music(48000, 96000, 4), AudioSignals.sweep(48000, 96000, 30, 12000, 0.6)};
        Mp2Settings settings = new Mp2Settings(48000, 2, 224, true);
        byte[] alone = encode(settings, pcm);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> encode(settings, pcm));
            var b = pool.submit(() -> encode(settings, pcm));
            org.junit.jupiter.api.Assertions.assertArrayEquals(alone, a.get());
            org.junit.jupiter.api.Assertions.assertArrayEquals(alone, b.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void monoFramesHaveTheHeaderTheSettingsAsk() {
        float[][] pcm = {AudioSignals.music(44100, 44100, 2)};
        byte[] mp2 = encode(new Mp2Settings(44100, 1, 96, true), pcm);
        MpegAudioHeader header = MpegAudioHeader.parse(mp2, 0, mp2.length).orElseThrow();
        assertEquals(2, header.layer());
        assertEquals(1, header.channels());
        assertEquals(96000, header.bitrate());
        assertEquals(44100, header.sampleRate());
        // 44.1 kHz frames are 313 or 314 bytes (padding); the frames must tile the stream exactly.
        int offset = 0;
        int count = 0;
        while (offset < mp2.length) {
            MpegAudioHeader h = MpegAudioHeader.parse(mp2, offset, mp2.length).orElseThrow();
            offset += h.frameLength();
            count++;
        }
        assertEquals(mp2.length, offset);
        assertEquals((44100 + Mp2Encoder.CODEC_DELAY) / 1152 + 1, count);
    }
}
