package org.diva.transcode.demux.mpeg;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.stream.Ticks;

/**
 * Cuts a self-synchronising audio stream into whole frames, one packet each. A frame counts only if the header
 * after it confirms it (one byte in 4,096 passes for an ADTS sync word by chance); where none does, the framer
 * steps a byte and looks again. A frame without a PES time stamp of its own is timed from the frame before: see
 * {@link #after}.
 */
final class AudioFramer extends Framer {
    private final AudioSyntax syntax;
    private final PendingBytes pending = new PendingBytes();
    private StreamFacts facts;
    private long nextPts = Ticks.NONE;

    AudioFramer(int stream, Consumer<Unit> sink, AudioSyntax syntax, String codec) {
        super(stream, sink);
        this.syntax = syntax;
        this.facts = StreamFacts.guess(StreamKind.AUDIO, codec);
    }

    @Override
    void push(PesChunk chunk) throws MediaFormatException {
        pending.append(chunk);
        cut(false);
    }

    @Override
    void flush() {
        cut(true);
        reset();
    }

    @Override
    void reset() {
        pending.clear();
        nextPts = Ticks.NONE;
    }

    @Override
    StreamFacts facts() {
        return facts;
    }

    private void cut(boolean atEnd) {
        byte[] b = pending.bytes;
        int i = 0;
        int header = syntax.headerSize();
        while (pending.length - i >= header) {
            Optional<AudioSyntax.Frame> frame = syntax.parse(b, i, pending.length);
            if (frame.isEmpty()) {
                i++;
                continue;
            }
            int end = i + frame.get().length();
            if (end > pending.length) {
                break; // wait for the rest (or, at the end, drop the cut-off frame)
            }
            if (end + header > pending.length && !atEnd) {
                break; // wait for the confirming header
            }
            if (end + header <= pending.length && syntax.parse(b, end, pending.length).isEmpty()) {
                i++;
                continue;
            }
            pending.discard(i); // a time stamp of a PES that began in the skipped bytes passes to this frame
            hand(frame.get());
            b = pending.bytes;
            i = 0;
        }
        pending.discard(i);
    }

    /** Hands on the frame at {@code pending[0]}. */
    private void hand(AudioSyntax.Frame frame) {
        PendingBytes.Stamp stamp = pending.stamp(0);
        long pts = stamp.pts() != Ticks.NONE ? stamp.pts() : nextPts;
        long duration = Ticks.fromTimescale(frame.samples(), frame.sampleRate());
        if (pts != Ticks.NONE && !frame.dependent()) {
            nextPts = syntax == AudioSyntax.MPEG_AUDIO
                    ? pts + Math.floorDiv(frame.samples() * Ticks.PER_SECOND, frame.sampleRate())
                    : after(pts, frame.samples(), frame.sampleRate());
        }
        byte[] data = Arrays.copyOfRange(pending.bytes, frame.skip(), frame.length());
        pending.discard(frame.length());
        if (!facts.known() && !frame.dependent()) {
            facts = new StreamFacts(StreamKind.AUDIO, frame.codec(), frame.config(), 0, 0, frame.sampleRate(),
                    frame.channels(), true);
        }
        emit(new Unit(new Packet(stream, pts, Ticks.NONE, duration, true, ByteBuffer.wrap(data)),
                stamp.position()));
    }

    /**
     * The time of the frame after one of {@code samples} samples at {@code pts}. A frame rarely lasts whole ticks
     * (1,024 samples at 44.1 kHz are 2,089.8), so adding rounded durations would drift. Instead the time is read
     * on the frame grid: {@code pts} rounded to a whole number of frame durations, one frame added, converted back
     * to ticks, and the offset {@code pts} had from the grid kept. That stays within a tick of the exact time, and
     * it is how ffmpeg times such frames (its av_add_stable), so the times equal ffprobe's. (For MPEG audio
     * ffmpeg's parser states each frame's duration, truncated to whole ticks, and ffmpeg adds that instead; the
     * framer does the same there, so that its times too equal ffprobe's, drift of a tick a second and all, until
     * the next PES time stamp.)
     */
    static long after(long pts, int samples, int sampleRate) {
        long num = samples * Ticks.PER_SECOND; // the frame's duration is num / den ticks
        long den = sampleRate;
        if (num % den == 0) {
            return pts + num / den;
        }
        long frames = roundDiv(pts * den, num);
        long gridTicks = roundDiv(frames * num, den);
        return roundDiv((frames + 1) * num, den) + (pts - gridTicks);
    }

    /** a / b rounded to the nearest, halves away from zero; b > 0. */
    private static long roundDiv(long a, long b) {
        return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
    }
}
