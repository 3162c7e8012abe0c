package org.diva.transcode.video.gop;

import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.VideoEncoder;
import org.diva.transcode.video.decode.VideoDecoder;
import org.diva.transcode.video.decode.VideoDecoders;
import org.diva.transcode.video.scale.Scaler;

/**
 * Decodes, scales and encodes one GOP on its own: a fresh decoder from its keyframe, a fresh encoder whose first
 * picture is an IDR, and a budget of the target bitrate times the GOP's duration. Each frame goes through all three
 * steps as soon as the decoder gives it, so at most the decoder's reorder window of frames is alive at once, and
 * each encoded picture is published on {@link #output()} at once: a reader waiting for this GOP (the first of a
 * stream, whose start a viewer is waiting for) gets pictures while the rest are still being made. Checks for
 * cancellation between pictures. The call's result is the number of pictures published.
 */
final class GopTask implements Callable<Integer> {
    /** Published after the last picture, whether the task succeeded or failed. */
    static final Packet END = new Packet(0, 0, 0, 0, false, ByteBuffer.allocate(0));
    private final Gop gop;
    private final ElementaryStream stream;
    private final VideoTarget target;
    private final Function<EncoderSettings, VideoEncoder> encoders;
    private final BooleanSupplier cancelled;
    private volatile Thread runner;
    private Scaler scaler;
    private int scalerSourceWidth;
    private int scalerSourceHeight;
    private VideoEncoder encoder;
    private final BlockingQueue<Packet> output = new LinkedBlockingQueue<>();
    private int published;

    GopTask(Gop gop, ElementaryStream stream, VideoTarget target, Function<EncoderSettings, VideoEncoder> encoders,
            BooleanSupplier cancelled) {
        this.gop = gop;
        this.stream = stream;
        this.target = target;
        this.encoders = encoders;
        this.cancelled = cancelled;
    }

    /** The encoded pictures in display order (without durations: the reader knows them from the next one), then END. */
    BlockingQueue<Packet> output() {
        return output;
    }

    Gop gop() {
        return gop;
    }

    @Override
    public Integer call() throws MediaFormatException {
        runner = Thread.currentThread();
        try (VideoDecoder decoder = VideoDecoders.create(stream)) {
            for (Packet packet : gop.packets()) {
                checkCancelled();
                for (Frame frame : decoder.decode(packet)) {
                    encode(frame);
                }
            }
            for (Frame frame : decoder.flush()) {
                encode(frame);
            }
        } finally {
            runner = null;
            output.add(END);
        }
        return published;
    }

    /**
     * Stops a task that is stuck inside a codec library. JCodec 0.2.5's decoders (MPEG-1/2 and MPEG-4 Part 2 still go
     * through it) do not bound every loop on damaged input: its H.264 CABAC decoder, for one, read zeros past the end
     * of a slice and looped forever in mb_qp_delta before DiVA had its own. Such a loop checks no interrupt, so only
     * {@link Thread#stop()} ends it. That is safe here as far as it can be: the
     * thread touches nothing but this task's own decoder, scaler and encoder, all dropped with it. Where the JVM no
     * longer supports stopping threads (Java 20 on), the thread spins on and the caller says so.
     *
     * @return whether the thread was stopped (or had already finished)
     */
    @SuppressWarnings({"deprecation", "removal"})
    boolean abort() {
        Thread thread = runner;
        if (thread == null) {
            return true;
        }
        try {
            thread.stop();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private void encode(Frame frame) {
        if (!gop.owns(frame.pts())) {
            return; // a leading picture of this GOP (the previous one made it) or of the next (kept there)
        }
        checkCancelled();
        if (scaler == null || frame.width() != scalerSourceWidth || frame.height() != scalerSourceHeight) {
            scaler = new Scaler(frame.width(), frame.height(), target.width(), target.height());
            scalerSourceWidth = frame.width();
            scalerSourceHeight = frame.height();
        }
        if (encoder == null) {
            double fps = gop.frames() * (double) Ticks.PER_SECOND / gop.duration();
            encoder = encoders.apply(new EncoderSettings(target.width(), target.height(), fps, target.bitrate(),
                    gop.frames()));
        }
        VideoEncoder.EncodedPicture coded = encoder.encode(scaler.scale(frame));
        // One picture out per picture in, in display order: decoding time equals presentation time.
        output.add(new Packet(target.stream(), coded.pts(), coded.pts(), 0, coded.keyframe(), coded.data()));
        published++;
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("transcode of GOP " + gop.number() + " cancelled");
        }
    }
}
