package org.diva.transcode.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** SubRip as comparable cues, and what ffmpeg makes of a file's subtitle tracks (the judge). */
public final class SrtCues {
    private SrtCues() {
    }

    /** "start --> end|text" per cue; checks that numbering runs from 1. */
    public static List<String> of(String srt) {
        List<String> out = new ArrayList<>();
        int number = 1;
        for (String block : srt.replace("\r\n", "\n").strip().split("\n\n+")) {
            if (block.isBlank()) {
                continue;
            }
            String[] lines = block.split("\n", 3);
            assertEquals(Integer.toString(number++), lines[0].strip(), "cue number");
            out.add(lines[1].strip() + "|" + (lines.length > 2 ? lines[2].strip() : ""));
        }
        return out;
    }

    /** ffmpeg's SubRip of the file's {@code n}-th subtitle stream, with its styling tags taken out. */
    public static List<String> ffmpeg(Path file, int n) throws IOException {
        Ffmpeg.Result result = Ffmpeg.run(List.of("ffmpeg", "-v", "error", "-i", file.toString(), "-map",
                "0:s:" + n, "-f", "srt", "-"));
        assertEquals(0, result.exit(), result.stderr());
        return of(result.stdout().replaceAll("<[^>]*>", ""));
    }
}
