package org.diva.web.live;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Bytes that a producer appends to while readers read them: a transcode in progress (or finished). One instance
 * per reader; closing it detaches the reader, never stops a producer other readers share.
 */
public interface LiveStream extends Closeable {

    String contentType();

    /** The DLNA {@code contentFeatures.dlna.org} value, if DLNA clients play it. */
    Optional<String> contentFeatures();

    /** The final size, once the producer has finished. */
    OptionalLong completeSize();

    /**
     * Waits until more than {@code position} bytes exist, the producer finishes, or {@code timeout} passes, and
     * returns how many bytes exist then.
     *
     * @throws IOException the producer failed (its message says why) before reaching {@code position}
     */
    long awaitBeyond(long position, Duration timeout) throws IOException, InterruptedException;

    /** Reads bytes that exist, from {@code position}, into {@code into}; returns how many. */
    int read(ByteBuffer into, long position) throws IOException;

    /**
     * Where a DLNA time seek landed, as the {@code TimeSeekRange.dlna.org} answer ({@code npt=12.000-} or
     * {@code npt=12.000-/600.000}), for streams opened at a time.
     */
    Optional<String> timeSeekAnswer();

    /** The byte at which this reader starts (a time seek into a stream already produced starts mid-file). */
    long startOffset();

    /**
     * A length to announce while the stream is still being produced, for devices that refuse a response without
     * Content-Length: the response is then cut at it, or padded up to it with {@link #fill} when the stream ends
     * sooner. Empty: send no length until the stream is complete.
     */
    default OptionalLong promisedSize() {
        return OptionalLong.empty();
    }

    /**
     * Fills {@code into} with bytes a player skips (MPEG-TS null packets), to pad up to a promised size; the first
     * byte goes to {@code position} of the stream.
     */
    default void fill(ByteBuffer into, long position) {
        throw new UnsupportedOperationException("this stream cannot be padded");
    }
}
