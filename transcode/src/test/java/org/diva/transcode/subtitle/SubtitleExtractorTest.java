package org.diva.transcode.subtitle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;

import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.testing.SrtCues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Embedded tracks become the SubRip ffmpeg makes of them ({@code ffmpeg -i file -map 0:s:N -f srt -}): the same cue
 * times and text. ffmpeg turns styling back into SubRip tags (&lt;i&gt;, &lt;font&gt;); DiVA drops styling, so tags
 * are taken out of ffmpeg's text before comparing.
 */
class SubtitleExtractorTest {
    private static final SubtitleExtractor EXTRACTOR = new SubtitleExtractor(4 << 20);

    @ParameterizedTest
    @CsvSource({"mkv/h264-aac-subs.mkv, 0", "mkv/h264-aac-subs.mkv, 1", "subtitle/h264-movtext.mp4, 0"})
    void cuesEqualFfmpegs(String name, int track) throws IOException {
        Ffmpeg.assumeInstalled();
        Path file = Fixtures.media(name);
        List<String> expected = SrtCues.ffmpeg(file, track);
        List<String> actual;
        try (FileChannel channel = FileChannel.open(file)) {
            actual = SrtCues.of(EXTRACTOR.srt(channel, track));
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, actual);
    }

    @Test
    void movTextKeepsGapsAndUnicode() throws IOException {
        try (FileChannel channel = FileChannel.open(Fixtures.media("subtitle/h264-movtext.mp4"))) {
            List<String> cues = SrtCues.of(EXTRACTOR.srt(channel, 0));
            assertEquals(4, cues.size(), cues.toString());
            assertEquals("00:00:02,000 --> 00:00:02,500|Two lines:\ndéjà vu – ünïcödé", cues.get(2));
            assertEquals("00:00:03,250 --> 00:00:03,900|After a gap", cues.get(3));
        }
    }

    @Test
    void aTrackTooBigForTheLimitIsRefused() throws IOException {
        try (FileChannel channel = FileChannel.open(Fixtures.media("subtitle/h264-movtext.mp4"))) {
            SubtitleTooLargeException e = assertThrows(SubtitleTooLargeException.class,
                    () -> new SubtitleExtractor(100).srt(channel, 0));
            assertTrue(e.getMessage().contains("100 bytes"), e.getMessage());
        }
    }

    @Test
    void aMissingTrackIsAFormatError() throws IOException {
        try (FileChannel channel = FileChannel.open(Fixtures.media("mkv/h264-aac-subs.mkv"))) {
            MediaFormatException e = assertThrows(MediaFormatException.class, () -> EXTRACTOR.srt(channel, 2));
            assertTrue(e.getMessage().contains("2 text subtitle track"), e.getMessage());
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void damagedFilesGiveFormatErrorsOnly(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        for (String name : new String[] {"subtitle/h264-movtext.mp4", "mkv/h264-aac-subs.mkv"}) {
            byte[] whole = Fixtures.bytes(name);
            java.util.Random random = new java.util.Random(11);
            for (int round = 0; round < 150; round++) {
                byte[] damaged = round < 50 ? java.util.Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1))
                        : whole.clone();
                for (int i = 0; round >= 50 && i < 1 + round % 6; i++) {
                    damaged[random.nextInt(whole.length)] = (byte) random.nextInt(256);
                }
                Path file = java.nio.file.Files.write(dir.resolve("bad"), damaged);
                try (FileChannel channel = FileChannel.open(file)) {
                    EXTRACTOR.srt(channel, 0);
                } catch (MediaFormatException expected) {
                    // what damage may cost
                } catch (RuntimeException | IOException e) {
                    throw new AssertionError(name + " round " + round + ": " + e, e);
                }
            }
        }
    }
}
