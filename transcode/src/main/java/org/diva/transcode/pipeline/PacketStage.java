package org.diva.transcode.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;

/**
 * What happens to one input stream on its way to the muxer: copied, transcoded or converted. A stage may hold
 * packets back (a GOP being encoded, an audio frame being filled) and returns them from a later push or from
 * {@link #finish()}; the packets it returns belong to {@link #output()}'s stream index.
 */
public interface PacketStage extends Closeable {

    /** The stream this stage produces. */
    ElementaryStream output();

    /**
     * For stages whose output comes from threads of their own (a GOP-parallel transcode): where to hand it as soon
     * as it exists, so a stream starts when its first GOP is done rather than when the next input packet comes.
     * Called once, before the first push; {@code output} is safe to call from any thread. Other stages ignore it
     * and return their output from push and finish.
     */
    default void attach(Output output) {
    }

    /** Takes output packets from any thread. */
    @FunctionalInterface
    interface Output {
        void deliver(List<Packet> packets) throws IOException;
    }

    /** Takes the next input packet (decoding order); returns the output packets that are ready, in order. */
    List<Packet> push(Packet packet) throws IOException;

    /** The input has ended: returns everything still held. */
    List<Packet> finish() throws IOException;

    /** Stops work and frees what the stage holds, finished or not. */
    @Override
    void close();
}
