package org.diva.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

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
        return org.diva.transcode.testing.SrtCues.of(srt);
    }

    /** ffmpeg's SubRip of the file's {@code n}-th subtitle stream, with its styling tags taken out. */
    static List<String> ffmpeg(Path file, int n) throws IOException {
        return org.diva.transcode.testing.SrtCues.ffmpeg(file, n);
    }
}
