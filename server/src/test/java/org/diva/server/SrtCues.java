package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.diva.transcode.testing.Ffmpeg;

/** SubRip as comparable cues, and what ffmpeg makes of a file's subtitle tracks (the judge). */
final class SrtCues {
    /** The transcode module's Matroska fixture with an SRT and an ASS track. */
    static final Path SUBTITLED_MKV = Path.of("../transcode/src/test/resources/media/mkv/h264-aac-subs.mkv")
            .toAbsolutePath().normalize();

    private SrtCues() {
    }

    /** Copies the subtitled Matroska fixture into {@code media} as {@code name}. */
    static Path copySubtitledMkv(Path media, String name) throws IOException {
        return Files.copy(SUBTITLED_MKV, media.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** "start --> end|text" per cue; checks that numbering runs from 1. */
    static List<String> of(String srt) {
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
    static List<String> ffmpeg(Path file, int n) throws IOException {
        Ffmpeg.Result result = Ffmpeg.run(List.of("ffmpeg", "-v", "error", "-i", file.toString(), "-map",
                "0:s:" + n, "-f", "srt", "-"));
        assertEquals(0, result.exit(), result.stderr());
        return of(result.stdout().replaceAll("<[^>]*>", ""));
    }
}
