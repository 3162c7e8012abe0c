package org.diva.server.pool.serve;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * This server's upload cap: one token bucket of {@code bytesPerSecond} shared by every neighbour reading from it,
 * handed out round-robin between the neighbours that are waiting, one slice each per turn.
 *
 * <p>This is deficit round robin (Shreedhar and Varghese, "Efficient fair queuing using deficit round robin",
 * SIGCOMM 1995) with equal quanta: the senders ask for slices of at most {@link #SLICE} bytes, a neighbour with
 * several requests in flight waits in one queue, and only the neighbour at the head of the ring may take tokens,
 * then goes to the back. So two neighbours reading at once get half the cap each whatever the number of requests
 * each has open, and one reading alone gets all of it. The bucket holds at most a quarter second of tokens (or one
 * slice), which bounds bursts. Waiting threads are the server's bounded request threads; nothing is buffered.
 */
public final class UploadLimiter {
    /** The most bytes a sender takes at once: small enough for fair turns, large enough to keep syscalls few. */
    public static final int SLICE = 64 * 1024;

    private final double bytesPerNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private final ArrayDeque<Object> ring = new ArrayDeque<>();
    private final Map<Object, ArrayDeque<Thread>> waiting = new HashMap<>();
    private double tokens;
    private long refilled;

    /** @param nanoTime the clock, {@code System::nanoTime} outside tests */
    public UploadLimiter(long bytesPerSecond, LongSupplier nanoTime) {
        if (bytesPerSecond < 1) {
            throw new IllegalArgumentException("the upload cap must be at least 1 byte/s, not " + bytesPerSecond);
        }
        this.bytesPerNano = bytesPerSecond / 1e9;
        this.capacity = Math.max(SLICE, bytesPerSecond / 4.0);
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.refilled = nanoTime.getAsLong();
    }

    /**
     * Blocks until {@code caller} may send {@code bytes} (at most {@link #SLICE}) under the cap and its fair share.
     *
     * @param caller who reads (the neighbour's ServerId; compared with equals): the unit of fairness
     */
    public void acquire(Object caller, int bytes) throws InterruptedException {
        if (bytes < 1 || bytes > SLICE) {
            throw new IllegalArgumentException("a slice is 1.." + SLICE + " bytes, not " + bytes);
        }
        Thread self = Thread.currentThread();
        synchronized (this) {
            ArrayDeque<Thread> queue = waiting.computeIfAbsent(caller, c -> new ArrayDeque<>());
            if (queue.isEmpty()) {
                ring.addLast(caller);
            }
            queue.addLast(self);
            try {
                while (true) {
                    refill();
                    boolean myTurn = caller.equals(ring.peekFirst()) && queue.peekFirst() == self;
                    if (myTurn && tokens >= bytes) {
                        tokens -= bytes;
                        return;
                    }
                    long waitNanos = myTurn ? (long) Math.ceil((bytes - tokens) / bytesPerNano) : 0;
                    if (waitNanos > 0) {
                        wait(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                    } else {
                        wait();
                    }
                }
            } finally {
                queue.remove(self);
                ring.remove(caller);
                if (queue.isEmpty()) {
                    waiting.remove(caller);
                } else {
                    ring.addLast(caller);
                }
                notifyAll();
            }
        }
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilled) * bytesPerNano);
        refilled = now;
    }
}
