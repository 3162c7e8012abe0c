package org.diva.upnp.dlna;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.upnp.library.AudioStream;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.library.MediaKind;
import org.diva.upnp.library.PhotoFacts;
import org.diva.upnp.library.VideoStream;

/**
 * The facts a DLNA profile depends on, for a catalogued file or for what a transcoder will produce.
 *
 * @param container the probe's container name (see {@link org.diva.upnp.library.ItemFile#container()}); a raw
 *                  big-endian PCM stream is {@code lpcm}
 * @param mimeType  what the file is sent as when no profile applies
 * @param width     a photo's pixels (0 when not a photo or unknown)
 * @param height    a photo's pixels
 * @param bitrate   overall bits per second, if known
 */
public record MediaFormat(MediaKind kind, String container, String mimeType, Optional<VideoStream> video,
                          Optional<AudioStream> audio, int width, int height, OptionalLong bitrate) {
    public MediaFormat {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(bitrate, "bitrate");
    }

    public static MediaFormat of(MediaItem item) {
        int width = item.photo().map(PhotoFacts::width).orElse(0);
        int height = item.photo().map(PhotoFacts::height).orElse(0);
        return new MediaFormat(item.kind(), item.file().container(), item.file().mimeType(), item.video(),
                item.audio(), width, height, item.bitrate());
    }
}
