package org.diva.transcode.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioDecodersTest {
    private static final Path CONVERT = AudioFixtures.DIR.resolve("convert");

    @TempDir
    Path dir;

    @Test
    void aacLcMatchesFfmpegsDecodeWithChannelsInPlace() throws IOException {
        Ffmpeg.assumeInstalled();
        Path file = CONVERT.resolve("lr-44k.aac");
        AudioFixtures.Track track = AudioFixtures.adts(file, 0);
        float[] ours = AudioFixtures.decodeAll(AudioDecoders.forStream(track.stream()), track.packets());
        Path raw = dir.resolve("ref.f32");
        Ffmpeg.ffmpeg("-i", file.toString(), "-f", "f32le", raw.toString());
        float[][] ref = AudioSignals.readF32(raw, 2);
        for (int ch = 0; ch < 2; ch++) {
            float[] mine = AudioFixtures.channel(ours, 2, ch);
            int lag = AudioSignals.delay(ref[ch], mine, 2048);
            double snr = AudioSignals.snr(ref[ch], mine, lag, 2048, ref[ch].length - 4096);
            System.out.printf("AAC channel %d: lag %d, SNR %.1f dB against ffmpeg%n", ch, lag, snr);
            assertTrue(snr > 40, "SNR " + snr + " dB on channel " + ch);
        }
        float[] left = AudioFixtures.channel(ours, 2, 0);
        float[] right = AudioFixtures.channel(ours, 2, 1);
        assertTrue(AudioSignals.goertzel(left, 4096, 48000, 44100, 440) > 0.9, "left is 440 Hz");
        assertTrue(AudioSignals.goertzel(right, 4096, 48000, 44100, 1000) > 0.9, "right is 1000 Hz");
    }

    @Test
    void surroundComesOutInWaveOrder() throws IOException {
        AudioFixtures.Track track = AudioFixtures.adts(CONVERT.resolve("surround-48k.aac"), 0);
        float[] pcm = AudioFixtures.decodeAll(AudioDecoders.forStream(track.stream()), track.packets());
        double[] hz = {300, 500, 700, 60, 1100, 1300}; // L R C LFE Ls Rs, as make.sh sets them
        for (int ch = 0; ch < 6; ch++) {
            float[] x = AudioFixtures.channel(pcm, 6, ch);
            double share = AudioSignals.goertzel(x, 4096, 4096 + 24000, 48000, hz[ch]);
            assertTrue(share > 0.8, "channel " + ch + " carries " + hz[ch] + " Hz (share " + share + ")");
        }
    }

    @Test
    void timestampsFollowThePacketsAndContinueWhereMissing() throws IOException {
        AudioFixtures.Track track = AudioFixtures.adts(CONVERT.resolve("lr-44k.aac"), 90_000);
        AudioDecoder decoder = AudioDecoders.forStream(track.stream());
        List<Packet> p = track.packets();
        PcmBlock first = decoder.decode(p.get(0)).orElseThrow();
        assertEquals(90_000, first.pts());
        assertEquals(1024, first.frames());
        Packet untimed = new Packet(0, Ticks.NONE, Ticks.NONE, 0, true, p.get(1).data());
        PcmBlock second = decoder.decode(untimed).orElseThrow();
        assertEquals(90_000 + Ticks.fromTimescale(1024, 44100), second.pts());
        assertEquals(44100, second.sampleRate());
        assertEquals(2, second.channels());
    }

    /** Regression: JCodec's static PNS generator collapses to zero and NaN silenced the channel for good. */
    @Test
    void noiseSubstitutedStreamKeepsItsLoudnessInsteadOfGoingSilent() throws IOException {
        Ffmpeg.assumeInstalled();
        Path file = CONVERT.resolve("pns-noise.aac");
        AudioFixtures.Track track = AudioFixtures.adts(file, 0);
        float[] ours = AudioFixtures.decodeAll(AudioDecoders.forStream(track.stream()), track.packets());
        Path raw = dir.resolve("ref.f32");
        Ffmpeg.ffmpeg("-i", file.toString(), "-f", "f32le", raw.toString());
        float[] ref = AudioSignals.readF32(raw, 1)[0];
        int end = Math.min(ours.length, ref.length);
        for (int from = 4096; from + 4096 <= end; from += 4096) {
            double db = 20 * Math.log10(AudioSignals.rms(ours, from, from + 4096)
                    / AudioSignals.rms(ref, from, from + 4096));
            assertTrue(Math.abs(db) < 2, "level differs from ffmpeg's by " + db + " dB at sample " + from);
        }
    }

    @Test
    void heAacIsRefusedWithAClearMessage() {
        // AudioSpecificConfig: object type 5 (SBR), 24 kHz core, stereo, extension rate 48 kHz, then LC.
        byte[] asc = {0x2b, 0x11, (byte) 0x88, 0x00};
        ElementaryStream stream = ElementaryStream.audio(0, "aac", ByteBuffer.wrap(asc), 48000, 2);
        UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class,
                () -> AudioDecoders.forStream(stream));
        assertTrue(e.getMessage().contains("HE-AAC"), e.getMessage());
    }

    @Test
    void damagedAccessUnitsGiveAFormatErrorNotAHang() throws IOException {
        AudioFixtures.Track track = AudioFixtures.adts(CONVERT.resolve("lr-44k.aac"), 0);
        AudioDecoder decoder = AudioDecoders.forStream(track.stream());
        java.util.Random random = new java.util.Random(3);
        int failures = 0;
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[1 + random.nextInt(600)];
            random.nextBytes(junk);
            try {
                decoder.decode(new Packet(0, i * 2090L, Ticks.NONE, 0, true, ByteBuffer.wrap(junk)));
            } catch (MediaFormatException expected) {
                failures++;
            }
        }
        assertTrue(failures > 0, "random bytes are never a valid AAC stream throughout");
    }

    @Test
    void damagedMp3PacketsGiveAFormatError() throws IOException {
        AudioFixtures.Track track = AudioFixtures.mp3(AudioFixtures.DIR.resolve("stereo-vbr.mp3"));
        AudioDecoder decoder = AudioDecoders.forStream(track.stream());
        byte[] frame = new byte[track.packets().get(5).data().remaining()];
        track.packets().get(5).data().duplicate().get(frame);
        byte[] truncated = java.util.Arrays.copyOf(frame, frame.length / 2);
        assertThrows(MediaFormatException.class,
                () -> decoder.decode(new Packet(0, 0, Ticks.NONE, 0, true, ByteBuffer.wrap(truncated))));
        byte[] noSync = frame.clone();
        noSync[0] = 0x12;
        assertThrows(MediaFormatException.class,
                () -> decoder.decode(new Packet(0, 0, Ticks.NONE, 0, true, ByteBuffer.wrap(noSync))));
    }

    @Test
    void mp3MatchesFfmpegsDecode() throws IOException {
        Ffmpeg.assumeInstalled();
        Path file = AudioFixtures.DIR.resolve("stereo-vbr.mp3");
        AudioFixtures.Track track = AudioFixtures.mp3(file);
        float[] ours = AudioFixtures.decodeAll(AudioDecoders.forStream(track.stream()), track.packets());
        Path raw = dir.resolve("ref.f32");
        Ffmpeg.ffmpeg("-i", file.toString(), "-f", "f32le", raw.toString());
        float[][] ref = AudioSignals.readF32(raw, 2);
        float[] left = AudioFixtures.channel(ours, 2, 0);
        int lag = AudioSignals.delay(ref[0], left, 3000);
        double snr = AudioSignals.snr(ref[0], left, lag, 3000, ref[0].length - 6000);
        System.out.printf("MP3: lag %d, SNR %.1f dB against ffmpeg%n", lag, snr);
        assertTrue(snr > 30, "SNR " + snr);
    }

    /** JCodec keeps state in static fields; two decoders at once must decode exactly as one at a time. */
    @Test
    void decodersOnTwoThreadsGiveTheSameOutputAsOneAtATime() throws Exception {
        AudioFixtures.Track aac = AudioFixtures.adts(CONVERT.resolve("lr-44k.aac"), 0);
        AudioFixtures.Track mp3 = AudioFixtures.mp3(AudioFixtures.DIR.resolve("stereo-vbr.mp3"));
        for (AudioFixtures.Track track : List.of(aac, mp3)) {
            float[] alone = AudioFixtures.decodeAll(AudioDecoders.forStream(track.stream()), track.packets());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<float[]> job = () -> {
                    float[] last = null;
                    for (int round = 0; round < 8; round++) {
                        last = AudioFixtures.decodeAll(AudioDecoders.forStream(track.stream()), track.packets());
                        assertArrayEquals(alone, last, track.stream().codec() + " differs in round " + round);
                    }
                    return last;
                };
                Future<float[]> a = pool.submit(job);
                Future<float[]> b = pool.submit(job);
                assertArrayEquals(alone, a.get());
                assertArrayEquals(alone, b.get());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
