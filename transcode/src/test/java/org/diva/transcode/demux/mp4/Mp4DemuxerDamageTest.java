package org.diva.transcode.demux.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import org.diva.transcode.probe.ByteArrayChannel;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;
import org.junit.jupiter.api.Test;

/** Damaged and hostile files end in a MediaFormatException that says what and where; never a hang or an OOM. */
class Mp4DemuxerDamageTest {
    private static final Path FASTSTART = Mp4DemuxerTest.fixture("h264_high_aac_faststart.mp4");
    private static final Path MOOV_END = Mp4DemuxerTest.fixture("h264_high_aac_moov_end.mp4");

    static int readAll(byte[] file) throws IOException {
        try (Mp4Demuxer demuxer = Mp4Demuxer.open(new ByteArrayChannel(file))) {
            int n = 0;
            for (Optional<Packet> p = demuxer.read(); p.isPresent(); p = demuxer.read()) {
                n++;
            }
            return n;
        }
    }

    @Test
    void mediaDataCutShortIsReportedAtTheSampleThatIsMissing() throws IOException {
        byte[] file = Files.readAllBytes(FASTSTART);
        byte[] cut = Arrays.copyOf(file, file.length - 3000);
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> readAll(cut));
        assertTrue(e.getMessage().startsWith("truncated MP4: sample"), e.getMessage());
    }

    @Test
    void movieHeaderCutShortOrMissing() throws IOException {
        byte[] file = Files.readAllBytes(MOOV_END);
        MediaFormatException cut = assertThrows(MediaFormatException.class,
                () -> readAll(Arrays.copyOf(file, file.length - 100)));
        assertTrue(cut.getMessage().contains("'moov'"), cut.getMessage());
        MediaFormatException none = assertThrows(MediaFormatException.class,
                () -> readAll(Arrays.copyOf(file, 9414)));
        assertTrue(none.getMessage().contains("no 'moov'"), none.getMessage());
    }

    @Test
    void absurdSampleCountIsRefusedBeforeAllocating() throws IOException {
        byte[] file = Files.readAllBytes(FASTSTART);
        int stsz = indexOf(file, "stsz");
        ByteBuffer.wrap(file).putInt(stsz + 12, 0x7fff_ffff); // sample_count
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> readAll(file));
        assertTrue(e.getMessage().contains("'stsz'"), e.getMessage());
    }

    @Test
    void hugeNalLengthIsReportedNotAllocated() throws IOException {
        byte[] file = Files.readAllBytes(FASTSTART);
        int mdat = indexOf(file, "mdat");
        ByteBuffer.wrap(file).putInt(mdat + 4, 0x7fff_fff0); // first NAL length of the first sample
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> readAll(file));
        assertTrue(e.getMessage().contains("NAL unit"), e.getMessage());
    }

    @Test
    void notAnMp4AtAll() {
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        assertThrows(MediaFormatException.class, () -> readAll(junk));
    }

    /** Random damage to the movie header: every outcome is packets or a MediaFormatException. */
    @Test
    void randomDamageInTheMovieHeader() throws IOException {
        byte[] file = Files.readAllBytes(FASTSTART);
        int moov = indexOf(file, "moov") - 4;
        int moovSize = ByteBuffer.wrap(file).getInt(moov);
        Random random = new Random(42);
        for (int round = 0; round < 400; round++) {
            byte[] damaged = file.clone();
            for (int k = 0; k < 1 + round % 4; k++) {
                damaged[moov + 8 + random.nextInt(moovSize - 8)] = (byte) random.nextInt(256);
            }
            try {
                readAll(damaged);
            } catch (MediaFormatException expected) {
                assertTrue(expected.getMessage().contains("MP4"), expected.getMessage());
            }
        }
    }

    @Test
    void seekLandsOnTheKeyframeAtOrBefore() throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(Mp4DemuxerTest.fixture("h264_aac_gop.mp4"));
             Mp4Demuxer demuxer = Mp4Demuxer.open(channel)) {
            assertEquals(90_000, demuxer.seek(135_000));
            Packet first = demuxer.read().orElseThrow();
            assertEquals(0, first.stream());
            assertTrue(first.keyframe());
            assertEquals(90_000, first.pts());
            Packet next = demuxer.read().orElseThrow();
            assertTrue(next.stream() == 0 || next.pts() >= 90_000, "no audio from before the keyframe");
            assertEquals(180_000, demuxer.seek(10 * 90_000L), "past the end: the last keyframe");
            assertEquals(0, demuxer.seek(0));
            assertEquals(0, demuxer.read().orElseThrow().pts());
        }
    }

    @Test
    void audioOnlySeekStartsAtTheFrameAtOrBefore() throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(Mp4DemuxerTest.fixture("tone_title.m4a"));
             Mp4Demuxer demuxer = Mp4Demuxer.open(channel)) {
            long at = demuxer.seek(45_000);
            Packet first = demuxer.read().orElseThrow();
            assertEquals(at, first.pts());
            assertTrue(at <= 45_000 && 45_000 - at < 2048 * 90_000 / 44_100, "within a frame: " + at);
        }
    }

    private static int indexOf(byte[] file, String type) {
        byte[] code = type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + 4 <= file.length; i++) {
            for (int k = 0; k < 4; k++) {
                if (file[i + k] != code[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no " + type);
    }
}
