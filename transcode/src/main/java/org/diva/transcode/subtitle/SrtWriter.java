package org.diva.transcode.subtitle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.diva.transcode.stream.Ticks;

/**
 * Writes SubRip: cues sorted by start time (a stable sort, so cues that start together keep their file order, and
 * overlapping cues are all kept), numbered from 1, times as HH:MM:SS,mmm, a blank line after each. Cues without
 * text are left out: a SubRip cue must have at least one line. Lines end in CRLF, as the format began on DOS and
 * some TVs insist.
 */
public final class SrtWriter {
    private SrtWriter() {
    }

    public static String write(List<SubtitleCue> cues) {
        List<SubtitleCue> sorted = new ArrayList<>(cues);
        sorted.sort(Comparator.comparingLong(SubtitleCue::start));
        StringBuilder out = new StringBuilder();
        int number = 0;
        for (SubtitleCue cue : sorted) {
            String text = cue.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            out.append(++number).append("\r\n")
                    .append(time(cue.start())).append(" --> ").append(time(cue.end())).append("\r\n")
                    .append(text.replace("\r\n", "\n").replace("\n", "\r\n")).append("\r\n\r\n");
        }
        return out.toString();
    }

    static String time(long ticks) {
        long millis = Ticks.toMillis(ticks);
        return String.format(Locale.ROOT, "%02d:%02d:%02d,%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, millis % 1000);
    }
}
