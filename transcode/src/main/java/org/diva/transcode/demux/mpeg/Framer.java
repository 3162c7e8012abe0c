package org.diva.transcode.demux.mpeg;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Cuts one elementary stream's PES payloads into access units: what a packet of the stream is depends on its codec,
 * not on how the muxer happened to packetise it. A framer also learns the stream's details from its headers.
 */
abstract class Framer {
    final int stream;
    private final Consumer<Unit> sink;

    Framer(int stream, Consumer<Unit> sink) {
        this.stream = stream;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** The next PES payload of the stream, in file order. */
    abstract void push(PesChunk chunk) throws IOException;

    /** The stream ended: hand on what is complete. */
    abstract void flush() throws IOException;

    /** Bytes were lost (or the reader moved): forget everything partial and wait for the next unit start. */
    abstract void reset();

    /**
     * Reading restarted for a seek that landed on a keyframe of this stream at {@code pts}: a framer that times
     * units itself may start counting from there. Most need not.
     */
    void anchor(long pts) {
    }

    /** What the headers seen so far say about the stream. */
    abstract StreamFacts facts();

    final void emit(Unit unit) {
        sink.accept(unit);
    }
}
