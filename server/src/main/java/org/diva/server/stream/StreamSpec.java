package org.diva.server.stream;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A converted stream a reader asks for.
 *
 * @param key             what makes two requests the same stream: the item, the file's version and the target
 * @param contentType     its MIME type (video/mp2t)
 * @param contentFeatures its DLNA contentFeatures.dlna.org value, if any
 * @param duration        its playing time in 90 kHz ticks, if known (for the time seek answer)
 * @param promisedSize    a Content-Length to announce before the stream is complete (a multiple of 188: the
 *                        stream is padded with MPEG-TS null packets or cut to it), for devices that need one
 * @param producer        writes the stream from a start time
 */
public record StreamSpec(String key, String contentType, Optional<String> contentFeatures, OptionalLong duration,
                         OptionalLong promisedSize, Producer producer) {
    public StreamSpec {
        Objects.requireNonNull(promisedSize, "promisedSize");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(contentFeatures, "contentFeatures");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(producer, "producer");
    }

    /** Writes a stream from {@code startTicks} (0: the beginning) to {@code out}, telling of each keyframe. */
    @FunctionalInterface
    public interface Producer {
        void produce(long startTicks, WritableByteChannel out, KeyframeSink keyframes) throws IOException;
    }

    /**
     * Told, just before a keyframe is written, its presentation time in 90 kHz ticks and the byte of the output it
     * starts at (-1: where the output has got to).
     */
    @FunctionalInterface
    public interface KeyframeSink {
        void keyframe(long pts, long offset);
    }
}
