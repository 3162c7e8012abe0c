package org.diva.transcode.video.gop;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.VideoEncoder;
import org.diva.transcode.video.decode.UnsupportedVideoException;
import org.diva.transcode.video.decode.VideoDecoders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transcodes one video stream to H.264, GOP-parallel: the reader's thread splits packets into GOPs and submits each
 * as a {@link GopTask} to the executor, keeping at most {@code maxInFlight} GOPs submitted or finished but not yet
 * read (which bounds memory to that many GOPs of packets); {@link #next()} hands the encoded packets back in stream
 * order, each picture as soon as it and those before it are encoded, so playback starts with the first GOP's first
 * pictures (the GOPs after it are made meanwhile on the other cores).
 *
 * <p>Damage: a GOP that does not decode to its end is cut short with a warning naming why (its last good picture
 * freezes until the next GOP, as on a broadcast with a dropout), but three in a row end the transcode with a {@link MediaFormatException}, as does an
 * unsupported stream. {@link #close()} cancels the GOPs in flight; their tasks stop at the next picture and drop
 * what they hold.
 */
public final class VideoTranscoder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VideoTranscoder.class);
    static final int MAX_FAILED_IN_A_ROW = 3;
    /**
     * How long the GOP being read may go without publishing a picture before it counts as stuck: generous, since
     * its first picture waits for the decoder's reorder window and a GOP's share of the machine shrinks with every
     * other transcode.
     */
    static final Duration STUCK_AFTER = Duration.ofSeconds(60);

    private final ElementaryStream stream;
    private final VideoTarget target;
    private final ExecutorService executor;
    private final Function<EncoderSettings, VideoEncoder> encoders;
    private final int maxInFlight;
    private final Duration stuckAfter;
    private final GopSplitter splitter;
    // close() may come from another thread (a client gone) while next() waits: both queues are concurrent.
    private final Deque<Submitted> inFlight = new ConcurrentLinkedDeque<>();
    private volatile Submitted waitingFor;
    /** The GOP whose pictures {@link #next()} is handing out; no longer in {@link #inFlight}. */
    private Submitted current;
    private volatile boolean closed;
    private boolean inputDone;
    private int failedInARow;
    private long skippedGops;

    /**
     * @param maxInFlight GOPs at once, at least 1; twice the executor's threads keeps every core busy while the
     *                    reader waits for the oldest GOP
     */
    public VideoTranscoder(ElementaryStream stream, PacketSource input, VideoTarget target, ExecutorService executor,
                           Function<EncoderSettings, VideoEncoder> encoders, int maxInFlight)
            throws UnsupportedVideoException {
        this(stream, input, target, executor, encoders, maxInFlight, STUCK_AFTER);
    }

    /** As above, with the allowance after which a GOP counts as stuck (tests shorten it). */
    VideoTranscoder(ElementaryStream stream, PacketSource input, VideoTarget target, ExecutorService executor,
                    Function<EncoderSettings, VideoEncoder> encoders, int maxInFlight, Duration stuckAfter)
            throws UnsupportedVideoException {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one GOP must be in flight: " + maxInFlight);
        }
        if (!VideoDecoders.decodes(stream.codec())) {
            throw new UnsupportedVideoException(stream.codec() + " video: DiVA decodes H.264, MPEG-1/2 and MPEG-4 "
                    + "Part 2 video only");
        }
        this.stream = stream;
        this.target = target;
        this.executor = executor;
        this.encoders = encoders;
        this.maxInFlight = maxInFlight;
        this.stuckAfter = stuckAfter;
        this.splitter = new GopSplitter(input);
    }

    /**
     * The next encoded packet in decoding order, waiting for its GOP's next picture if need be; empty at the end.
     *
     * @throws MediaFormatException for an unsupported stream or damage that ends the transcode
     */
    public Optional<Packet> next() throws IOException {
        while (true) {
            if (closed) {
                throw new IllegalStateException("video transcoder is closed");
            }
            fill();
            if (current == null) {
                current = inFlight.poll();
                if (current == null) {
                    return Optional.empty();
                }
            }
            waitingFor = current;
            try {
                Optional<Packet> next = pull(current);
                if (next.isPresent()) {
                    return next;
                }
            } finally {
                waitingFor = null;
            }
            current = null;
        }
    }

    /**
     * The GOP's next picture with its duration (until the picture after it, the last one until the GOP's end), or
     * empty when the GOP is done. A GOP that fails keeps the pictures it published: the last of them lasts to the
     * GOP's end, so the picture freezes for the rest of the GOP, as on a broadcast with a dropout.
     */
    private Optional<Packet> pull(Submitted gop) throws IOException {
        while (!gop.ended) {
            Packet next = take(gop);
            Packet held = gop.held;
            if (next == GopTask.END) {
                gop.ended = true;
                gop.held = null;
                finished(gop);
                return held == null ? Optional.empty()
                        : Optional.of(lasting(held, gop.gop().startPts() + gop.gop().duration()));
            }
            gop.held = next;
            if (held != null) {
                return Optional.of(lasting(held, next.pts()));
            }
        }
        return Optional.empty();
    }

    private static Packet lasting(Packet p, long end) {
        return new Packet(p.stream(), p.pts(), p.dts(), Math.max(0, end - p.pts()), p.keyframe(), p.data());
    }

    /** The GOP's next published picture (or END), waiting; a GOP that publishes nothing for too long is stopped. */
    private Packet take(Submitted gop) throws IOException {
        // The allowance grows with the GOP: stuckAfter for nothing, and as much again for each second of video.
        long millis = stuckAfter.toMillis() * (Ticks.PER_SECOND + gop.gop().duration()) / Ticks.PER_SECOND;
        try {
            Packet next = gop.task().output().poll(millis, TimeUnit.MILLISECONDS);
            if (next != null) {
                return next;
            }
            gop.result().cancel(true);
            boolean stopped = gop.task().abort();
            gop.stuck = new MediaFormatException("the decoder made no progress on it for " + millis + " ms (a codec "
                    + "library looping on damaged data)" + (stopped ? "" : "; its thread could not be stopped"));
            return GopTask.END;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while waiting for GOP " + gop.gop().number());
        }
    }

    /** After a GOP's END: a failure is counted (and may end the transcode) or rethrown. */
    private void finished(Submitted gop) throws IOException {
        if (gop.stuck != null) {
            skip(gop, gop.stuck);
            return;
        }
        try {
            gop.result().get();
            failedInARow = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while waiting for GOP " + gop.gop().number());
        } catch (CancellationException e) {
            throw new IllegalStateException("video transcoder closed while waiting for GOP " + gop.gop().number(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnsupportedVideoException unsupported) {
                throw unsupported;
            }
            if (!(cause instanceof MediaFormatException damage)) {
                throw new IllegalStateException("transcoding GOP " + gop.gop().number() + " failed", cause);
            }
            skip(gop, damage);
        }
    }

    /** GOPs cut short (or left out altogether) because they did not decode. */
    public long skippedGops() {
        return skippedGops;
    }

    private void fill() throws IOException {
        while (!inputDone && inFlight.size() + (current == null ? 0 : 1) < maxInFlight) {
            Optional<Gop> gop = splitter.next();
            if (gop.isEmpty()) {
                inputDone = true;
            } else {
                GopTask task = new GopTask(gop.get(), stream, target, encoders, () -> closed);
                inFlight.add(new Submitted(gop.get(), task, executor.submit(task)));
            }
        }
    }

    private void skip(Submitted head, MediaFormatException damage) throws MediaFormatException {
        skippedGops++;
        if (++failedInARow >= MAX_FAILED_IN_A_ROW) {
            throw new MediaFormatException(MAX_FAILED_IN_A_ROW + " GOPs in a row do not decode; the last: "
                    + damage.getMessage(), damage);
        }
        LOG.warn("Cut short the GOP at {} ms ({} pictures; the last good one is held) of a {} stream: {}",
                Ticks.toMillis(head.gop().startPts()), head.gop().frames(), stream.codec(), damage.getMessage());
    }

    /** Cancels the GOPs in flight and drops what is buffered. Idempotent; does not shut the executor down. */
    @Override
    public void close() {
        closed = true;
        Submitted head = waitingFor;
        if (head != null) {
            head.result().cancel(true); // the task stops at its next picture
        }
        Submitted reading = current;
        if (reading != null) {
            reading.result().cancel(true);
        }
        for (Submitted s : inFlight) {
            s.result().cancel(true);
        }
        inFlight.clear();
    }

    /** A GOP handed to the executor, and what the reader holds of it. */
    private static final class Submitted {
        private final Gop gop;
        private final GopTask task;
        private final Future<Integer> result;
        /** The last picture taken, waiting for the next one to know its duration. */
        private Packet held;
        /** Its END has been taken. */
        private boolean ended;
        /** Set when the GOP was stopped for making no progress. */
        private MediaFormatException stuck;

        Submitted(Gop gop, GopTask task, Future<Integer> result) {
            this.gop = gop;
            this.task = task;
            this.result = result;
        }

        Gop gop() {
            return gop;
        }

        GopTask task() {
            return task;
        }

        Future<Integer> result() {
            return result;
        }
    }
}
