package org.diva.transcode.probe.audio;

import static org.diva.transcode.probe.MediaFixtures.audio;
import static org.diva.transcode.probe.MediaFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.ContainerFormat;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.RepeatingChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdtsProbeTest {
    private static final long GIGABYTE = 1L << 30;
    private final AdtsProbe probe = new AdtsProbe();
    @TempDir
    Path dir;

    @Test
    void wholeFileIsCountedExactly() throws Exception {
        MediaInfo info = probe(audio("tone.aac"));
        assertEquals(MediaKind.AUDIO, info.kind());
        assertEquals("aac", info.container());
        // 45 frames of 1,024 samples at 22,050 Hz: 2.0898 s (ffprobe estimates 2.089504)
        assertEquals(OptionalLong.of(2089), info.durationMillis());
        assertEquals(List.of(new AudioTrack("aac", Optional.of("LC"), OptionalInt.of(2), OptionalInt.of(22050),
                OptionalLong.of(24_711), Optional.empty())), info.audio()); // 6,455 bytes * 8 / 2.0898 s
    }

    @Test
    void hugeFileIsEstimatedFromItsFirstFramesWithBoundedReads() throws Exception {
        RepeatingChannel tenGigabytes = new RepeatingChannel(bytes(audio("tone.aac")), 10 * GIGABYTE);
        MediaInfo info = probe.probe(tenGigabytes);
        double expectedMillis = 10.0 * GIGABYTE / 6455 * 2089.8;
        double millis = info.durationMillis().orElseThrow();
        assertTrue(Math.abs(millis - expectedMillis) / expectedMillis < 0.01, millis + " vs " + expectedMillis);
        assertTrue(tenGigabytes.bytesRead() <= AdtsProbe.WINDOW + 16, tenGigabytes.bytesRead() + " bytes read");
    }

    @Test
    void id3TagBeforeTheFramesIsSkipped() throws Exception {
        byte[] tagged = new TagBytes().text("TIT2", TagBytes.LATIN_1, "Radio rip")
                .id3v24Before(bytes(audio("tone.aac")));
        Path file = Files.write(dir.resolve("rip.aac"), tagged);
        assertEquals(OptionalLong.of(2089), probe(file).durationMillis());
        // sniffed as MP3 for its ID3 tag, then recognised as AAC behind it
        MediaInfo viaMp3 = new AudioFileProbe().probe(file, ContainerFormat.MP3).info();
        assertEquals("aac", viaMp3.container());
        assertEquals(OptionalLong.of(2089), viaMp3.durationMillis());
    }

    @Test
    void firstFrameCutShort() throws Exception {
        Path cut = Files.write(dir.resolve("cut.aac"), Arrays.copyOf(bytes(audio("tone.aac")), 20));
        assertEquals("truncated AAC: the first frame needs 120 bytes but the file ends at byte 20",
                assertThrows(MediaFormatException.class, () -> probe(cut)).getMessage());
    }

    @Test
    void notAdts() throws Exception {
        Path wav = audio("tone.wav");
        assertEquals("not AAC: no ADTS frame header at byte 0",
                assertThrows(MediaFormatException.class, () -> probe(wav)).getMessage());
    }

    @Test
    void frameHeaderFields() {
        // MPEG-4, no CRC, LC, 44.1 kHz, 2 channels, 371 bytes, one raw data block
        byte[] header = {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80, 0x2E, 0x7F, (byte) 0xFC};
        AdtsProbe.Frame frame = AdtsProbe.Frame.at(ByteBuffer.wrap(header), 0).orElseThrow();
        assertEquals(44100, frame.sampleRate());
        assertEquals(2, frame.channels());
        assertEquals("LC", frame.profile());
        assertEquals(371, frame.length());
        assertEquals(1, frame.blocks());
    }

    private MediaInfo probe(Path file) throws Exception {
        try (FileChannel channel = FileChannel.open(file)) {
            return probe.probe(channel);
        }
    }
}
