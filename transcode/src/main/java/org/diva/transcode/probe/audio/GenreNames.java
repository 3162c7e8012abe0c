package org.diva.transcode.probe.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jaudiotagger.tag.reference.GenreTypes;

/**
 * Resolves genre references to names. ID3v1 stored a genre as a number into a fixed table; ID3v2.3 TCON keeps
 * that as "(17)", optionally refined by text ("(4)Eurodisco"), ID3v2.4 and some MP4 writers as a bare "17".
 * The table (Winamp's extension of the ID3v1 list) comes from jaudiotagger.
 */
final class GenreNames {
    private GenreNames() {
    }

    /** The genre a household should see for a tag value, or empty for a blank value. */
    static Optional<String> resolve(String raw) {
        String value = raw.strip();
        List<String> references = new ArrayList<>();
        int at = 0;
        while (at < value.length() && value.charAt(at) == '(' && !value.startsWith("((", at)) {
            int close = value.indexOf(')', at);
            if (close < 0) {
                break;
            }
            references.add(value.substring(at + 1, close));
            at = close + 1;
        }
        String text = value.substring(at).strip();
        if (text.startsWith("((")) {
            text = text.substring(1); // ID3v2.3 escapes a genre text that starts with "(" by doubling it
        }
        if (!text.isEmpty()) {
            return Optional.of(nameOf(text).orElse(text)); // the refinement is more specific than the number
        }
        for (String reference : references) {
            Optional<String> name = nameOf(reference);
            if (name.isPresent()) {
                return name;
            }
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<String> nameOf(String reference) {
        if (reference.equals("RX") || reference.equals("CR")) {
            return Optional.of(reference.equals("RX") ? "Remix" : "Cover");
        }
        if (reference.isEmpty() || reference.length() > 3 || !reference.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.ofNullable(GenreTypes.getInstanceOf().getValueForId(Integer.parseInt(reference)));
    }
}
