package org.diva.upnp.dlna;

import java.util.Locale;
import java.util.Set;
import org.diva.upnp.library.AudioStream;

/**
 * What a profile demands of the audio stream; unknown channel counts and sample rates fail the constraints that
 * limit them.
 *
 * @param profiles    AAC profiles in lower case; an AAC stream of unknown profile counts as "lc"; empty accepts any
 * @param sampleRates if not empty, the rate must be one of these
 */
record AudioRule(Set<String> codecs, Set<String> profiles, int maxChannels, Set<Integer> sampleRates) {

    static AudioRule of(Set<String> codecs, int maxChannels) {
        return new AudioRule(codecs, Set.of(), maxChannels, Set.of());
    }

    static AudioRule aacLc(int maxChannels) {
        return new AudioRule(Set.of("aac"), Set.of("lc"), maxChannels, Set.of());
    }

    AudioRule at(Set<Integer> rates) {
        return new AudioRule(codecs, profiles, maxChannels, rates);
    }

    boolean accepts(AudioStream audio) {
        if (!codecs.contains(audio.codec())) {
            return false;
        }
        if (audio.channels().isEmpty() || audio.channels().getAsInt() > maxChannels) {
            return false;
        }
        if (!sampleRates.isEmpty()
                && (audio.sampleRate().isEmpty() || !sampleRates.contains(audio.sampleRate().getAsInt()))) {
            return false;
        }
        String profile = audio.profile().map(p -> p.toLowerCase(Locale.ROOT).strip())
                .orElse(audio.codec().equals("aac") ? "lc" : "");
        return profiles.isEmpty() || profiles.contains(profile);
    }
}
