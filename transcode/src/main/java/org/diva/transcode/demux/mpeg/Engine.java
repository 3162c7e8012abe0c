package org.diva.transcode.demux.mpeg;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A container's reading loop, as {@link MpegDemuxer} drives it: it turns input into units, which its framers hand
 * to the sink it was made with, and it can restart anywhere, since MPEG streams are not indexed and seeking means
 * reading from a byte position.
 */
interface Engine {
    /** Reads on a little; false once the input is exhausted and every framer flushed. */
    boolean pump() throws IOException;

    /** Forgets everything partial and reads on from {@code position} (not necessarily a packet start). */
    void restart(long position) throws IOException;

    /** The file position reached. */
    long position();

    /** Where the first packet starts. */
    long dataStart();

    /** The end of the input. */
    long size();

    /** The streams' framers, by stream index; empty until the container says what its streams are. */
    List<Framer> framers();

    /** The language of a stream, when the container tags it. */
    Optional<String> language(int stream);

    /** How much of the head must be read before the stream list may be final (a program stream has no table). */
    long discoveryBytes();

    /** No more streams will be added: what the head of the input showed is what there is. */
    void lock();

    /** Why no streams were found, for the error message. */
    String problem();
}
