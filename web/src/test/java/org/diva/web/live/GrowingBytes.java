package org.diva.web.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An in-memory stream that the test grows by hand: the web module cannot use the server's productions (the
 * module boundary points the other way), and the endpoint only needs the LiveStream contract. The server's own
 * tests run the endpoint over real productions.
 */
final class GrowingBytes implements LiveStream {
    private final byte[] content;
    private long available;
    private boolean finished;
    private IOException failure;
    private long startOffset;
    private Optional<String> answer = Optional.empty();
    private OptionalLong promised = OptionalLong.empty();
    volatile boolean closed;

    GrowingBytes(byte[] content) {
        this.content = content;
    }

    synchronized void grow(long to) {
        available = Math.min(content.length, to);
        finished = available == content.length;
        notifyAll();
    }

    synchronized void fail(String why) {
        failure = new IOException(why);
        notifyAll();
    }

    GrowingBytes startingAt(long offset, String timeSeekAnswer) {
        startOffset = offset;
        answer = Optional.of(timeSeekAnswer);
        return this;
    }

    GrowingBytes promising(long size) {
        promised = OptionalLong.of(size);
        return this;
    }

    @Override
    public OptionalLong promisedSize() {
        return promised;
    }

    /** Filler as position-dependent bytes, so a test sees it lands where it should. */
    @Override
    public void fill(ByteBuffer into, long position) {
        for (long at = position; into.hasRemaining(); at++) {
            into.put((byte) ~at);
        }
    }

    @Override
    public String contentType() {
        return "video/mp2t";
    }

    @Override
    public Optional<String> contentFeatures() {
        return Optional.of("DLNA.ORG_PN=MPEG_TS_SD_EU_ISO;DLNA.ORG_OP=10;DLNA.ORG_CI=1;DLNA.ORG_FLAGS=01700000000000000000000000000000");
    }

    @Override
    public synchronized OptionalLong completeSize() {
        return finished ? OptionalLong.of(content.length) : OptionalLong.empty();
    }

    @Override
    public synchronized long awaitBeyond(long position, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (available <= position && !finished && failure == null && System.currentTimeMillis() < deadline) {
            wait(Math.max(1, deadline - System.currentTimeMillis()));
        }
        if (available <= position && failure != null) {
            throw failure;
        }
        return available;
    }

    @Override
    public synchronized int read(ByteBuffer into, long position) {
        int n = (int) Math.min(into.remaining(), available - position);
        into.put(content, (int) position, n);
        return n;
    }

    @Override
    public Optional<String> timeSeekAnswer() {
        return answer;
    }

    @Override
    public long startOffset() {
        return startOffset;
    }

    @Override
    public void close() {
        closed = true;
    }
}
