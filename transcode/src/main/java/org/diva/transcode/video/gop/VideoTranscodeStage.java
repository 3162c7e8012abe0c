package org.diva.transcode.video.gop;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.diva.transcode.pipeline.PacketStage;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.VideoEncoder;

/**
 * The {@link VideoTranscoder} as a pipeline stage. The transcoder pulls its input and blocks for finished GOPs;
 * the pipeline pushes packets and must not block on encoding. So a small thread of this stage drives the
 * transcoder: pushed packets go through a bounded queue (a full queue makes the demuxer wait: back-pressure, not
 * buffering); encoded packets go to the pipeline's output from that thread as soon as their GOP is done (or, with
 * no output attached, come back with the next push).
 */
public final class VideoTranscodeStage implements PacketStage {
    private static final int QUEUED_PACKETS = 64;
    private static final Packet END = new Packet(0, 0, 0, 0, false, ByteBuffer.allocate(0));

    private final ElementaryStream output;
    private final BlockingQueue<Packet> input = new ArrayBlockingQueue<>(QUEUED_PACKETS);
    private final ConcurrentLinkedQueue<Packet> encoded = new ConcurrentLinkedQueue<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final VideoTranscoder transcoder;
    private final Thread driver;
    private volatile IOException failure;
    private volatile Output sink;

    /**
     * @param gops        runs the GOP tasks (the machine's cores)
     * @param maxInFlight GOPs in flight at once
     */
    public VideoTranscodeStage(ElementaryStream source, EncoderSettings settings, int index, ExecutorService gops,
                               Function<EncoderSettings, VideoEncoder> encoders, int maxInFlight)
            throws IOException {
        this.output = ElementaryStream.video(index, "h264", ByteBuffer.allocate(0), settings.width(),
                settings.height()).withLanguage(source.language());
        this.transcoder = new VideoTranscoder(source, this::take,
                new VideoTarget(settings.width(), settings.height(), settings.bitrate(), index), gops, encoders,
                maxInFlight);
        this.driver = new Thread(this::drive, "diva-video-" + source.codec());
        driver.setDaemon(true);
        driver.start();
    }

    private Optional<Packet> take() throws IOException {
        try {
            Packet next = input.take();
            return next == END ? Optional.empty() : Optional.of(next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("video transcode cancelled");
        }
    }

    @Override
    public void attach(Output output) {
        this.sink = output;
    }

    /** Runs the transcoder; its packets go straight to the attached output, else wait for the next push. */
    private void drive() {
        try {
            for (Optional<Packet> next = transcoder.next(); next.isPresent(); next = transcoder.next()) {
                Output to = sink;
                if (to != null) {
                    to.deliver(List.of(next.get()));
                } else {
                    encoded.add(next.get());
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new IOException("video transcode failed: " + e, e);
        } finally {
            done.countDown();
        }
    }

    @Override
    public ElementaryStream output() {
        return output;
    }

    @Override
    public List<Packet> push(Packet packet) throws IOException {
        while (true) {
            checkFailure();
            try {
                if (input.offer(packet, 100, TimeUnit.MILLISECONDS)) {
                    return drain();
                }
                if (done.getCount() == 0) {
                    checkFailure();
                    return drain(); // the transcoder stopped reading: nothing more will be taken
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("video transcode cancelled");
            }
        }
    }

    @Override
    public List<Packet> finish() throws IOException {
        try {
            while (done.getCount() > 0 && !input.offer(END, 100, TimeUnit.MILLISECONDS)) {
                checkFailure();
            }
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("video transcode cancelled");
        }
        checkFailure();
        return drain();
    }

    private void checkFailure() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw new IOException(failed.getMessage(), failed);
        }
    }

    private List<Packet> drain() {
        List<Packet> out = new ArrayList<>();
        Packet next;
        while ((next = encoded.poll()) != null) {
            out.add(next);
        }
        return out;
    }

    @Override
    public void close() {
        transcoder.close();
        driver.interrupt();
        input.clear();
        encoded.clear();
    }
}
