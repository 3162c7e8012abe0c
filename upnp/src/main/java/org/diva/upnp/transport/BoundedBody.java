package org.diva.upnp.transport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;

/**
 * Reads a request body without blocking and without holding more than {@code max} bytes: a client announcing or
 * streaming a huge body gets 413 after the first {@code max + 1} bytes, never an OutOfMemoryError.
 */
final class BoundedBody implements Runnable {
    /** Exactly one of these is called, once. */
    interface Outcome {
        void read(byte[] body);

        void tooLarge();

        void failed(Throwable failure);
    }

    private final Content.Source source;
    private final int max;
    private final Outcome outcome;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private BoundedBody(Content.Source source, int max, Outcome outcome) {
        this.source = source;
        this.max = max;
        this.outcome = outcome;
    }

    static void read(Content.Source source, int max, Outcome outcome) {
        new BoundedBody(source, max, outcome).run();
    }

    /** Reads what is there, then asks Jetty to call again when more arrives (Jetty 12's read/demand loop). */
    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                outcome.failed(chunk.getFailure());
                return;
            }
            ByteBuffer buffer = chunk.getByteBuffer();
            boolean last = chunk.isLast();
            if (bytes.size() + buffer.remaining() > max) {
                chunk.release();
                outcome.tooLarge();
                return;
            }
            byte[] piece = new byte[buffer.remaining()];
            buffer.get(piece);
            bytes.writeBytes(piece);
            chunk.release();
            if (last) {
                outcome.read(bytes.toByteArray());
                return;
            }
        }
    }
}
