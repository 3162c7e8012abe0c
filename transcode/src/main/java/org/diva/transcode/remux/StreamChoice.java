package org.diva.transcode.remux;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.StreamKind;

/**
 * Which streams a remux carries: the first video stream, and one audio stream chosen by language or position.
 *
 * @param audioLanguage the ISO 639 code of the wanted audio; when no stream has it, the position decides
 * @param audioPosition which audio stream (0 = the first) when the language does not decide
 * @param video         whether to carry video at all (false for an audio-only output)
 */
public record StreamChoice(Optional<String> audioLanguage, int audioPosition, boolean video) {
    public static final StreamChoice DEFAULT = new StreamChoice(Optional.empty(), 0, true);

    public StreamChoice {
        if (audioPosition < 0) {
            throw new IllegalArgumentException("audio position must not be negative: " + audioPosition);
        }
    }

    /** The chosen streams, video first; empty when the source has neither video nor audio. */
    public List<ElementaryStream> apply(List<ElementaryStream> streams) {
        List<ElementaryStream> chosen = new ArrayList<>();
        if (video) {
            streams.stream().filter(s -> s.kind() == StreamKind.VIDEO).findFirst().ifPresent(chosen::add);
        }
        List<ElementaryStream> audio = streams.stream().filter(s -> s.kind() == StreamKind.AUDIO).toList();
        Optional<ElementaryStream> byLanguage = audioLanguage.flatMap(
                lang -> audio.stream().filter(s -> s.language().equals(Optional.of(lang))).findFirst());
        if (byLanguage.isPresent()) {
            chosen.add(byLanguage.get());
        } else if (!audio.isEmpty()) {
            chosen.add(audio.get(Math.min(audioPosition, audio.size() - 1)));
        }
        return chosen;
    }
}
