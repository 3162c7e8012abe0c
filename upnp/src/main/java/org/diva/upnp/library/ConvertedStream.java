package org.diva.upnp.library;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A stream the server makes on the fly from an item for one client (remuxed or transcoded), offered as an extra
 * {@code res}.
 *
 * @param path      where the server serves it, from the server's root ({@code /media/12/stream?profile=sd-tv});
 *                  the DIDL writer puts the client's base URL before it
 * @param container the probe's name for what it is ({@code mpegts})
 * @param mimeType  what it is sent as when no DLNA profile applies
 * @param video     its video, for the DLNA profile and the resolution attribute
 * @param audio     its audio
 * @param bitrate   its expected overall bits per second, if known
 * @param timeSeek  whether the server seeks it by time (DLNA.ORG_OP=10, TimeSeekRange.dlna.org)
 */
public record ConvertedStream(String path, String container, String mimeType, Optional<VideoStream> video,
                              Optional<AudioStream> audio, OptionalLong bitrate, boolean timeSeek) {
    public ConvertedStream {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(bitrate, "bitrate");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a stream's path starts at the server's root: " + path);
        }
    }
}
