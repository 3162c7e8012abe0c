package org.diva.server.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One stream file being written by a producer and read by any number of readers, or a finished one from the
 * store. The producer appends through {@link #sink()} and notes each keyframe's byte offset; readers wait for
 * bytes with {@link #awaitBeyond} and read the file through their own channels.
 */
final class Production {
    private final String key;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition grew = lock.newCondition();
    private final List<Keyframe> keyframes = new ArrayList<>();
    private Path file;
    private long written;
    private boolean finished;
    private IOException failure;
    private int readers;
    private volatile boolean running;

    /** A seek point: a keyframe's presentation time and the byte where its TS packets begin. */
    record Keyframe(long pts, long offset) {
    }

    private Production(String key, Path file) {
        this.key = key;
        this.file = file;
    }

    /** A production about to start: its (empty) file exists at once, so readers can open it before bytes come. */
    static Production started(String key, Path part) throws IOException {
        Files.newByteChannel(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
        return new Production(key, part);
    }

    static Production finished(String key, Path file, long size, List<Keyframe> keyframes) {
        Production done = new Production(key, file);
        done.written = size;
        done.finished = true;
        done.keyframes.addAll(keyframes);
        return done;
    }

    String key() {
        return key;
    }

    /** Whether its producer has begun (opened its output). */
    boolean started() {
        return running;
    }

    /** Opens the file for a reader: a reader's channel stays valid when the file is renamed or deleted. */
    FileChannel open() throws IOException {
        lock.lock();
        try {
            return FileChannel.open(file); // under the lock: never between a rename and the path's update
        } finally {
            lock.unlock();
        }
    }

    /** The producer's output: appends to the file and wakes readers. */
    WritableByteChannel sink() throws IOException {
        running = true;
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                int n = 0;
                while (src.hasRemaining()) {
                    n += channel.write(src);
                }
                grown(n);
                return n;
            }

            @Override
            public boolean isOpen() {
                return channel.isOpen();
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    private void grown(int n) {
        lock.lock();
        try {
            written += n;
            grew.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The producer is about to write the keyframe at {@code pts}, starting at byte {@code offset} of its output
     * (counting what its muxer still buffers); -1 means at the current end of the file.
     */
    void keyframe(long pts, long offset) {
        lock.lock();
        try {
            keyframes.add(new Keyframe(pts, offset >= 0 ? offset : written));
            grew.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Moves the file (while no reader can look up its path) and points readers at the new place. */
    void relocate(Path to, Mover mover) throws IOException {
        lock.lock();
        try {
            mover.move(file, to);
            file = to;
        } finally {
            lock.unlock();
        }
    }

    /** Moves a file. */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    void finish(Path finalFile) {
        lock.lock();
        try {
            file = finalFile;
            finished = true;
            grew.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void fail(IOException why) {
        lock.lock();
        try {
            failure = why;
            grew.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long awaitBeyond(long position, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (written <= position && !finished && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                grew.await(left, TimeUnit.NANOSECONDS);
            }
            if (written <= position && failure != null) {
                throw new IOException("the stream could not be produced: " + failure.getMessage(), failure);
            }
            return written;
        } finally {
            lock.unlock();
        }
    }

    OptionalLong completeSize() {
        lock.lock();
        try {
            return finished ? OptionalLong.of(written) : OptionalLong.empty();
        } finally {
            lock.unlock();
        }
    }

    /** The file as it is now (the part file while producing, the stored file once finished). */
    Path file() {
        lock.lock();
        try {
            return file;
        } finally {
            lock.unlock();
        }
    }

    /** The last keyframe at or before {@code ticks}, if the producer has reached beyond it. */
    Optional<Keyframe> keyframeAt(long ticks) {
        lock.lock();
        try {
            Keyframe best = null;
            for (Keyframe k : keyframes) {
                if (k.pts() <= ticks) {
                    best = k;
                } else {
                    return Optional.ofNullable(best);
                }
            }
            return finished ? Optional.ofNullable(best) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the first keyframe (or the end, or a failure, or the timeout). */
    Optional<Keyframe> awaitFirstKeyframe(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (keyframes.isEmpty() && !finished && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                grew.await(left, TimeUnit.NANOSECONDS);
            }
            return keyframes.isEmpty() ? Optional.empty() : Optional.of(keyframes.get(0));
        } finally {
            lock.unlock();
        }
    }

    List<Keyframe> keyframes() {
        lock.lock();
        try {
            return List.copyOf(keyframes);
        } finally {
            lock.unlock();
        }
    }

    void attach() {
        lock.lock();
        try {
            readers++;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the readers left. */
    int detach() {
        lock.lock();
        try {
            return --readers;
        } finally {
            lock.unlock();
        }
    }

    int readers() {
        lock.lock();
        try {
            return readers;
        } finally {
            lock.unlock();
        }
    }
}
