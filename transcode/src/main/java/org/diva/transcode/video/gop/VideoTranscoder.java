package org.diva.transcode.video.gop;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * order, each GOP's as soon as it and those before it are done, so playback starts after the first GOP.
 *
 * <p>Damage: a GOP that does not decode is left out with a warning naming why (a picture freezes for a GOP, as on a
 * broadcast with a dropout), but three in a row end the transcode with a {@link MediaFormatException}, as does an
 * unsupported stream. {@link #close()} cancels the GOPs in flight; their tasks stop at the next picture and drop
 * what they hold.
 */
public final class VideoTranscoder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VideoTranscoder.class);
    static final int MAX_FAILED_IN_A_ROW = 3;
    /**
     * How long the oldest GOP may take before it counts as stuck: generous, since JCodec manages a few 1080p frames a
     * second on a busy core, and a GOP's share of the machine shrinks with every other transcode.
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
    private final Deque<Packet> ready = new ConcurrentLinkedDeque<>();
    private volatile Submitted waitingFor;
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
     * The next encoded packet in decoding order, waiting for its GOP if need be; empty at the end.
     *
     * @throws MediaFormatException for an unsupported stream or damage that ends the transcode
     */
    public Optional<Packet> next() throws IOException {
        while (ready.isEmpty()) {
            if (closed) {
                throw new IllegalStateException("video transcoder is closed");
            }
            fill();
            Submitted head = inFlight.poll();
            if (head == null) {
                return Optional.empty();
            }
            waitingFor = head;
            try {
                collect(head);
            } finally {
                waitingFor = null;
            }
        }
        Packet next = ready.poll();
        if (next == null) {
            throw new IllegalStateException("video transcoder is closed");
        }
        return Optional.of(next);
    }

    /** GOPs left out because they did not decode. */
    public long skippedGops() {
        return skippedGops;
    }

    private void fill() throws IOException {
        while (!inputDone && inFlight.size() < maxInFlight) {
            Optional<Gop> gop = splitter.next();
            if (gop.isEmpty()) {
                inputDone = true;
            } else {
                GopTask task = new GopTask(gop.get(), stream, target, encoders, () -> closed);
                inFlight.add(new Submitted(gop.get(), task, executor.submit(task)));
            }
        }
    }

    private void collect(Submitted head) throws IOException {
        // The allowance grows with the GOP: stuckAfter for nothing, and as much again for each second of video.
        long millis = stuckAfter.toMillis() * (Ticks.PER_SECOND + head.gop().duration()) / Ticks.PER_SECOND;
        try {
            ready.addAll(head.result().get(millis, TimeUnit.MILLISECONDS));
            failedInARow = 0;
        } catch (TimeoutException e) {
            head.result().cancel(true);
            boolean stopped = head.task().abort();
            skip(head, new MediaFormatException("the decoder made no progress on it for " + millis + " ms (JCodec "
                    + "loops on some damaged CABAC slices)" + (stopped ? "" : "; its thread could not be stopped")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while waiting for GOP " + head.gop().number());
        } catch (CancellationException e) {
            throw new IllegalStateException("video transcoder closed while waiting for GOP " + head.gop().number(),
                    e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnsupportedVideoException unsupported) {
                throw unsupported;
            }
            if (!(cause instanceof MediaFormatException damage)) {
                throw new IllegalStateException("transcoding GOP " + head.gop().number() + " failed", cause);
            }
            skip(head, damage);
        }
    }

    private void skip(Submitted head, MediaFormatException damage) throws MediaFormatException {
        skippedGops++;
        if (++failedInARow >= MAX_FAILED_IN_A_ROW) {
            throw new MediaFormatException(MAX_FAILED_IN_A_ROW + " GOPs in a row do not decode; the last: "
                    + damage.getMessage(), damage);
        }
        LOG.warn("Left out the GOP at {} ms ({} pictures) of a {} stream: {}", Ticks.toMillis(head.gop().startPts()),
                head.gop().frames(), stream.codec(), damage.getMessage());
    }

    /** Cancels the GOPs in flight and drops what is buffered. Idempotent; does not shut the executor down. */
    @Override
    public void close() {
        closed = true;
        Submitted head = waitingFor;
        if (head != null) {
            head.result().cancel(true); // the task stops at its next picture
        }
        for (Submitted s : inFlight) {
            s.result().cancel(true);
        }
        inFlight.clear();
        ready.clear();
    }

    private record Submitted(Gop gop, GopTask task, Future<List<Packet>> result) {
    }
}
