package org.diva.transcode.mux;

import java.io.Closeable;
import java.io.IOException;
import java.util.OptionalLong;

import org.diva.transcode.stream.Packet;

/**
 * Writes packets of the streams it was created with. Packets arrive in decoding order per stream and interleaved
 * across streams by decoding time (the pipeline interleaves; a muxer writes them in the order it gets them). {@link #finish()} writes what is pending and any
 * trailer; {@link #close()} releases without finishing (a stream the client abandoned).
 */
public interface Muxer extends Closeable {

    void write(Packet packet) throws IOException;

    void finish() throws IOException;

    /**
     * Where in the output the next packet will start (bytes, buffered ones included), for muxers whose output can
     * be entered there (MPEG-TS); empty for others. Time seeks into a stored stream start at such offsets.
     */
    default OptionalLong position() {
        return OptionalLong.empty();
    }
}
