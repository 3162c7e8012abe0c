package org.diva.transcode.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class AudioConverterTest {
    private static final Path CONVERT = AudioFixtures.DIR.resolve("convert");
    private static final long FRAME_TICKS = 2160; // 1152 samples at 48 kHz

    @TempDir
    Path dir;

    private static List<Packet> convert(AudioConverter converter, List<Packet> packets) throws IOException {
        List<Packet> out = new ArrayList<>();
        for (Packet p : packets) {
            out.addAll(converter.push(p));
        }
        out.addAll(converter.finish());
        return out;
    }

    private Path write(List<Packet> packets) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Packet p : packets) {
            byte[] b = new byte[p.data().remaining()];
            p.data().duplicate().get(b);
            bytes.writeBytes(b);
        }
        Path file = dir.resolve("out.mp2");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private float[][] decode(Path mp2) throws IOException {
        assertEquals("", Ffmpeg.decodeErrors(mp2), "ffmpeg -xerror complains");
        Path raw = dir.resolve("out.f32");
        Ffmpeg.ffmpeg("-i", mp2.toString(), "-f", "f32le", "-ac", "2", raw.toString());
        return AudioSignals.readF32(raw, 2);
    }

    @Test
    void aacToMp2KeepsDurationTonesAndChannelsThroughFfmpeg() throws IOException {
        Ffmpeg.assumeInstalled();
        AudioFixtures.Track track = AudioFixtures.adts(CONVERT.resolve("lr-44k.aac"), 0);
        AudioConverter converter = AudioConverter.forTransportStream(track.stream(), 1);
        assertEquals("mp2", converter.output().codec());
        assertEquals(48000, converter.output().sampleRate());
        assertEquals(2, converter.output().channels());
        List<Packet> mp2 = convert(converter, track.packets());
        Path file = write(mp2);
        JsonNode stream = Ffmpeg.probe(file).path("streams").path(0);
        assertEquals("mp2", stream.path("codec_name").asText());
        assertEquals(48000, stream.path("sample_rate").asInt());
        float[][] pcm = decode(file);
        double seconds = pcm[0].length / 48000.0;
        double expected = track.packets().size() * 1024 / 44100.0;
        assertTrue(Math.abs(seconds - expected) < 0.05, "decoded " + seconds + " s, source " + expected + " s");
        int from = 4800;
        int to = pcm[0].length - 9600;
        assertTrue(AudioSignals.goertzel(pcm[0], from, to, 48000, 440) > 0.9, "left is 440 Hz");
        assertTrue(AudioSignals.goertzel(pcm[1], from, to, 48000, 1000) > 0.9, "right is 1000 Hz");
        assertTrue(AudioSignals.goertzel(pcm[0], from, to, 48000, 1000) < 0.01, "no 1000 Hz on the left");
    }

    @Test
    void timestampsStartAtTheSourceAndAdvanceByWholeFrames() throws IOException {
        long start = 10 * Ticks.PER_SECOND + 1234;
        AudioFixtures.Track track = AudioFixtures.adts(CONVERT.resolve("lr-44k.aac"), start);
        List<Packet> mp2 = convert(AudioConverter.forTransportStream(track.stream(), 3), track.packets());
        assertEquals(start, mp2.get(0).pts());
        for (int i = 0; i < mp2.size(); i++) {
            assertEquals(start + i * FRAME_TICKS, mp2.get(i).pts(), "frame " + i);
            assertEquals(FRAME_TICKS, mp2.get(i).duration());
            assertEquals(3, mp2.get(i).stream());
        }
    }

    @Test
    void outputComesIncrementallyWhileTheInputArrives() throws IOException {
        AudioFixtures.Track track = AudioFixtures.adts(CONVERT.resolve("lr-44k.aac"), 0);
        AudioConverter converter = AudioConverter.forTransportStream(track.stream(), 0);
        int soFar = 0;
        for (int i = 0; i < track.packets().size(); i++) {
            soFar += converter.push(track.packets().get(i)).size();
            if (i == 10) {
                assertTrue(soFar >= 7, "after 11 AAC frames (11264 samples at 44.1 kHz) " + soFar + " MP2 frames");
            }
        }
    }

    @Test
    void aShortGapIsFilledWithSilenceSoTimestampsStayContinuous() throws IOException {
        Ffmpeg.assumeInstalled();
        AudioFixtures.Track track = AudioFixtures.adts(CONVERT.resolve("lr-44k.aac"), 0);
        List<Packet> withGap = new ArrayList<>(track.packets());
        withGap.subList(30, 40).clear(); // 232 ms lost, e.g. a damaged stretch of the source
        List<Packet> mp2 = convert(AudioConverter.forTransportStream(track.stream(), 0), withGap);
        for (int i = 0; i < mp2.size(); i++) {
            assertEquals(i * FRAME_TICKS, mp2.get(i).pts());
        }
        float[][] pcm = decode(write(mp2));
        double gapStart = 30 * 1024 / 44100.0;
        int mid = (int) ((gapStart + 0.116) * 48000);
        assertTrue(AudioSignals.rms(pcm[0], mid - 2000, mid + 2000) < 0.01, "silence where the packets were lost");
        int after = (int) ((40 * 1024 / 44100.0 + 0.1) * 48000);
        assertTrue(AudioSignals.goertzel(pcm[0], after, after + 4800, 48000, 440) > 0.9, "the tone resumes on time");
    }

    @Test
    void aLargeJumpStartsANewRunOfTimestamps() throws IOException {
        AudioFixtures.Track track = AudioFixtures.adts(CONVERT.resolve("lr-44k.aac"), 0);
        List<Packet> jumped = new ArrayList<>();
        long jump = 60 * Ticks.PER_SECOND;
        for (int i = 0; i < track.packets().size(); i++) {
            Packet p = track.packets().get(i);
            jumped.add(i < 40 ? p : new Packet(p.stream(), p.pts() + jump, p.dts(), p.duration(), true, p.data()));
        }
        List<Packet> mp2 = convert(AudioConverter.forTransportStream(track.stream(), 0), jumped);
        long newStart = track.packets().get(40).pts() + jump;
        int firstAfter = -1;
        for (int i = 1; i < mp2.size(); i++) {
            long step = mp2.get(i).pts() - mp2.get(i - 1).pts();
            if (step != FRAME_TICKS) {
                assertEquals(-1, firstAfter, "only one discontinuity");
                firstAfter = i;
            }
        }
        assertTrue(firstAfter > 0, "the jump shows in the output");
        assertEquals(newStart, mp2.get(firstAfter).pts());
        // Before the jump, whole frames cover the first 40 AAC frames (plus the encoder's flush).
        long covered = firstAfter * FRAME_TICKS;
        assertTrue(covered >= track.packets().get(40).pts(), "the first run is not cut short: " + covered);
    }

    @Test
    void surroundIsDownmixedWithTheLfeLeftOut() throws IOException {
        Ffmpeg.assumeInstalled();
        AudioFixtures.Track track = AudioFixtures.adts(CONVERT.resolve("surround-48k.aac"), 0);
        List<Packet> mp2 = convert(AudioConverter.forTransportStream(track.stream(), 0), track.packets());
        float[][] pcm = decode(write(mp2));
        int from = 4800;
        int to = 4800 + 24000;
        // Left: L 300, C 700, Ls 1100; right: R 500, C 700, Rs 1300; LFE 60 nowhere.
        for (double hz : new double[] {300, 700, 1100}) {
            assertTrue(AudioSignals.goertzel(pcm[0], from, to, 48000, hz) > 0.1, hz + " Hz on the left");
        }
        for (double hz : new double[] {500, 700, 1300}) {
            assertTrue(AudioSignals.goertzel(pcm[1], from, to, 48000, hz) > 0.1, hz + " Hz on the right");
        }
        assertTrue(AudioSignals.goertzel(pcm[0], from, to, 48000, 500) < 0.01, "R stays off the left");
        assertTrue(AudioSignals.goertzel(pcm[0], from, to, 48000, 60) < 0.01, "LFE left out");
        assertTrue(AudioSignals.goertzel(pcm[1], from, to, 48000, 60) < 0.01, "LFE left out");
    }

    @Test
    void mp3SourcesConvertToo() throws IOException {
        Ffmpeg.assumeInstalled();
        AudioFixtures.Track track = AudioFixtures.mp3(AudioFixtures.DIR.resolve("stereo-vbr.mp3"));
        float[][] pcm = decode(write(convert(AudioConverter.forTransportStream(track.stream(), 0), track.packets())));
        assertTrue(AudioSignals.goertzel(pcm[0], 9600, 40000, 48000, 440) > 0.8, "the 440 Hz tone survives");
    }

    @Test
    void monoMpeg2Layer3At22kHzBecomesMonoMp2At48kHz() throws IOException {
        Ffmpeg.assumeInstalled();
        AudioFixtures.Track track = AudioFixtures.mp3(AudioFixtures.DIR.resolve("tone.mp3"));
        AudioConverter converter = AudioConverter.forTransportStream(track.stream(), 0);
        assertEquals(1, converter.output().channels());
        Path file = write(convert(converter, track.packets()));
        JsonNode stream = Ffmpeg.probe(file).path("streams").path(0);
        assertEquals(1, stream.path("channels").asInt());
        assertEquals(48000, stream.path("sample_rate").asInt());
        float[][] pcm = decode(file);
        assertTrue(AudioSignals.goertzel(pcm[0], 9600, 38400, 48000, 440) > 0.8, "the 440 Hz tone survives");
    }

    @Test
    void aDamagedPacketIsReportedAndTheConversionCarriesOn() throws IOException {
        AudioFixtures.Track track = AudioFixtures.adts(CONVERT.resolve("lr-44k.aac"), 0);
        AudioConverter converter = AudioConverter.forTransportStream(track.stream(), 0);
        List<Packet> out = new ArrayList<>();
        byte[] junk = new byte[300];
        new java.util.Random(9).nextBytes(junk);
        junk[0] = (byte) 0xE0; // an END element id first, then garbage: no valid channel
        for (int i = 0; i < track.packets().size(); i++) {
            Packet p = track.packets().get(i);
            if (i == 20) {
                Packet bad = new Packet(0, p.pts(), p.dts(), 0, true, java.nio.ByteBuffer.wrap(junk));
                try {
                    out.addAll(converter.push(bad));
                } catch (org.diva.transcode.probe.MediaFormatException expected) {
                    // the pipeline logs it and goes on; the next packet's pts drives the timeline
                }
                continue;
            }
            out.addAll(converter.push(p));
        }
        out.addAll(converter.finish());
        for (int i = 0; i < out.size(); i++) {
            assertEquals(i * FRAME_TICKS, out.get(i).pts(), "frame " + i);
        }
    }

    @Test
    void packetsOfAnotherStreamAreRefused() throws IOException {
        AudioFixtures.Track track = AudioFixtures.adts(CONVERT.resolve("lr-44k.aac"), 0);
        AudioConverter converter = AudioConverter.forTransportStream(track.stream(), 0);
        Packet p = track.packets().get(0);
        assertThrows(IllegalArgumentException.class,
                () -> converter.push(new Packet(5, p.pts(), p.dts(), 0, true, p.data())));
    }
}
