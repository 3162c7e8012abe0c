package org.diva.transcode.demux;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;

/**
 * The packets of one container, in file (interleaved) order.
 *
 * <p>A demuxer reads through a {@link java.nio.channels.SeekableByteChannel} it does not own, so a local file, a
 * cached title and a title arriving from neighbours go through the same code. Damage is reported as a
 * {@link org.diva.transcode.probe.MediaFormatException} naming what is wrong and at which byte; a demuxer never
 * loops forever or allocates more than a packet's declared size, which it bounds.
 */
public interface Demuxer extends Closeable {

    /** The streams, in container order; packets refer to them by index. */
    List<ElementaryStream> streams();

    /** The container's playing time in ticks, if known. */
    OptionalLong duration();

    /** The next packet, or empty at the end of the file. */
    Optional<Packet> read() throws IOException;

    /**
     * Moves so that the next {@link #read()} returns the keyframe of the video stream (or, with no video, the
     * first audio packet) at or before {@code ticks}, and returns that keyframe's presentation time.
     */
    long seek(long ticks) throws IOException;

    /** Releases what the demuxer holds; never closes the channel it was given. */
    @Override
    void close() throws IOException;
}
