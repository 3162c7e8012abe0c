package org.diva.server.stream;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;

import org.diva.upnp.library.MediaKind;

/**
 * A title that can be converted, wherever its bytes are: a file on this disk or a neighbour's title pulled through
 * the pool. {@link TitleConversions} needs only this, so local and neighbours' titles share one way of converting.
 *
 * @param version what identifies this version of the title in stream keys: its id (a catalogue id, or
 *                {@code n-<ServerId>-<id>} for a neighbour's), its size and its modification time, so a changed
 *                title never serves an old conversion and two titles never share one
 * @param name    how messages name it (its file name)
 * @param asIs    the path that serves it unconverted, for the answer to a device that needs no conversion
 * @param kind    video, audio or image, for the DLNA format
 * @param source  opens its bytes for the demuxer
 */
public record ConvertibleTitle(String version, String name, String asIs, MediaKind kind, Source source) {
    public ConvertibleTitle {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(asIs, "asIs");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        if (version.isBlank()) {
            throw new IllegalArgumentException("a title's version must not be blank");
        }
    }

    /** The key part naming a title version from its id, size and modification time (epoch milliseconds). */
    public static String version(String id, long size, long modified) {
        return id + "|" + size + "|" + modified;
    }

    /** Opens the title's bytes; each production opens its own channel and closes it. */
    @FunctionalInterface
    public interface Source {
        SeekableByteChannel open() throws IOException;
    }
}
