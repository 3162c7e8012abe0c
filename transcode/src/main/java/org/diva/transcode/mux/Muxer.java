package org.diva.transcode.mux;

import java.io.Closeable;
import java.io.IOException;

import org.diva.transcode.stream.Packet;

/**
 * Writes packets of the streams it was created with. Packets arrive in decoding order per stream and roughly
 * interleaved across streams (a muxer may buffer to interleave). {@link #finish()} writes what is pending and any
 * trailer; {@link #close()} releases without finishing (a stream the client abandoned).
 */
public interface Muxer extends Closeable {

    void write(Packet packet) throws IOException;

    void finish() throws IOException;
}
