package org.diva.upnp.dlna;

import java.util.Optional;
import java.util.Set;

/**
 * One row of the profile table: a DLNA.ORG_PN and what a file must be to claim it. A rule without a video rule
 * matches only files without video; one with an audio rule needs a matching audio stream.
 *
 * @param name            the profile; for MPEG transport streams without the packet suffix, which
 *                        {@link DlnaProfiles} adds from the container: {@code _ISO} for 188-byte packets
 *                        ({@code mpegts}), {@code _T} for 192-byte packets with time stamps ({@code m2ts})
 * @param mimeType        the MIME type the profile prescribes (ignored for transport streams and LPCM, whose type
 *                        depends on the file)
 * @param maxBitrate      overall bits per second at most (0: no limit); an unknown bitrate passes
 */
record ProfileRule(String name, Set<String> containers, String mimeType, Optional<VideoRule> video,
                   Optional<AudioRule> audio, Optional<ImageRule> image, long maxBitrate) {

    static ProfileRule image(String name, String container, String mimeType, int maxLong, int maxShort) {
        return new ProfileRule(name, Set.of(container), mimeType, Optional.empty(), Optional.empty(),
                Optional.of(new ImageRule(maxLong, maxShort)), 0);
    }

    static ProfileRule audio(String name, String container, String mimeType, AudioRule audio, long maxBitrate) {
        return new ProfileRule(name, Set.of(container), mimeType, Optional.empty(), Optional.of(audio),
                Optional.empty(), maxBitrate);
    }

    static ProfileRule av(String name, Set<String> containers, String mimeType, VideoRule video, AudioRule audio,
                          long maxBitrate) {
        return new ProfileRule(name, containers, mimeType, Optional.of(video), Optional.of(audio), Optional.empty(),
                maxBitrate);
    }

    boolean accepts(MediaFormat format) {
        if (!containers.contains(format.container())) {
            return false;
        }
        if (maxBitrate > 0 && format.bitrate().isPresent() && format.bitrate().getAsLong() > maxBitrate) {
            return false;
        }
        if (image.isPresent()) {
            return image.get().accepts(format.width(), format.height());
        }
        if (video.isPresent() != format.video().isPresent()) {
            return false;
        }
        if (video.isPresent() && !video.get().accepts(format.video().get())) {
            return false;
        }
        return audio.isEmpty() || format.audio().map(a -> audio.get().accepts(a)).orElse(false);
    }
}
