package org.diva.transcode.subtitle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Ticks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ASS events to text, tx3g samples to text, and SubRip writing, as tables. */
class SubtitleUnitsTest {

    /** Matroska ASS/SSA block payloads and the text a TV should show. */
    private static final String[][] ASS = {
        {"0,0,Default,,0,0,0,,Hello", "Hello"},
        {"3,0,Default,,0,0,0,,{\\an8}Top of the screen", "Top of the screen"},
        {"1,0,Default,Bob,0,0,0,,Line one\\NLine two", "Line one\nLine two"},
        {"1,0,Default,,0,0,0,,{\\i1}Italic{\\i0} and {\\b1}bold{\\b0}", "Italic and bold"},
        {"2,0,Sign,,10,10,10,Scroll up;5;20,Commas, in, text", "Commas, in, text"},
        {"5,0,Default,,0,0,0,,Hard\\hspace and soft\\nbreak", "Hard space and soft\nbreak"},
        {"6,0,Default,,0,0,0,,{\\pos(10,20)\\c&H00FF00&}Placed", "Placed"},
        {"7,0,Default,,0,0,0,,Unclosed {brace", "Unclosed {brace"},
        {"8,Marked=0,Default,,0,0,0,,SSA line", "SSA line"},
        {"not an event line at all", "not an event line at all"},
    };

    @Test
    void assEventsBecomePlainText() {
        for (String[] row : ASS) {
            assertEquals(row[1], AssText.ofMatroskaEvent(row[0]), row[0]);
        }
    }

    @Test
    void tx3gSamples() throws MediaFormatException {
        assertEquals(Optional.empty(), Tx3gText.of(new byte[0], 0), "no bytes: a gap");
        assertEquals(Optional.empty(), Tx3gText.of(new byte[] {0, 0}, 0), "zero length: a gap");
        byte[] text = "Héllo\nworld".getBytes(StandardCharsets.UTF_8);
        byte[] sample = new byte[2 + text.length + 12];
        sample[1] = (byte) text.length;
        System.arraycopy(text, 0, sample, 2, text.length);
        byte[] styl = {0, 0, 0, 12, 's', 't', 'y', 'l', 0, 0, 0, 0};
        System.arraycopy(styl, 0, sample, 2 + text.length, styl.length);
        assertEquals(Optional.of("Héllo\nworld"), Tx3gText.of(sample, 0), "style box after the text ignored");
        byte[] utf16 = {0, 6, (byte) 0xFE, (byte) 0xFF, 0, 'H', 0, 'i'};
        assertEquals(Optional.of("Hi"), Tx3gText.of(utf16, 0));
        assertEquals(Optional.of("a\nb"), Tx3gText.of(new byte[] {0, 4, 'a', '\r', '\n', 'b'}, 0));
        MediaFormatException e = assertThrows(MediaFormatException.class,
                () -> Tx3gText.of(new byte[] {0, 9, 'a'}, 4242));
        assertEquals(true, e.getMessage().contains("4242"), e.getMessage());
    }

    @Test
    void srtIsSortedNumberedAndKeepsOverlaps() {
        String srt = SrtWriter.write(List.of(
                new SubtitleCue(Ticks.fromMillis(5_000), Ticks.fromMillis(7_500), "Third"),
                new SubtitleCue(Ticks.fromMillis(1_000), Ticks.fromMillis(6_000), "First\nTwo lines"),
                new SubtitleCue(Ticks.fromMillis(2_000), Ticks.fromMillis(3_000), "  "),
                new SubtitleCue(Ticks.fromMillis(4_000), Ticks.fromMillis(5_500), "Second overlaps")));
        assertEquals("1\r\n00:00:01,000 --> 00:00:06,000\r\nFirst\r\nTwo lines\r\n\r\n"
                + "2\r\n00:00:04,000 --> 00:00:05,500\r\nSecond overlaps\r\n\r\n"
                + "3\r\n00:00:05,000 --> 00:00:07,500\r\nThird\r\n\r\n", srt);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0| 00:00:00,000", "89| 00:00:00,000", "90| 00:00:00,001",
        "5400000| 00:01:00,000", "333900000| 01:01:50,000", "324089910| 01:00:00,999", "9000000000| 27:46:40,000"})
    void srtTimes(long ticks, String expected) {
        assertEquals(expected, SrtWriter.time(ticks));
    }
}
