package org.diva.transcode.mux.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;

import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.stream.Ticks;

/**
 * One track being written: its sample table so far (decoding times, presentation offsets, sizes, sync samples,
 * chunks) in primitive arrays, and the samples waiting for the next 'mdat'.
 *
 * <p>Times stay in 90 kHz ticks here; {@link TrackTiming} converts them to the track's timescale from the absolute
 * times at the end, so rounding never accumulates. A sample lasts until the next one's decoding time, so the
 * decoding times written are the packets' own and sync holds across gaps; packet durations serve where no time
 * follows: the last sample lasts its packet's duration (else as long as the step before it, else the codec's
 * frame). Untimed packets are placed between the stated times around them (see {@link #spreadRun}).
 */
final class TrackRecorder {
    /** Decoding times may step back this much (rounded container times) and are then held; more is refused. */
    static final long BACKWARDS_TOLERANCE = Ticks.PER_SECOND / 10;
    /** A presentation time this far after the decoding time is damage, not reordering. */
    private static final long MAX_REORDER = 60 * Ticks.PER_SECOND;
    /** A gap this long between two samples is damage; longer would not fit a 32-bit 'stts' delta at 90 kHz. */
    private static final long MAX_GAP = 6 * 3600 * Ticks.PER_SECOND;
    private static final int MAX_SAMPLES = 50_000_000;

    final ElementaryStream stream;
    final SampleEntry entry;
    final int trackId;
    final GrowableLongs dts = new GrowableLongs();
    final GrowableInts ptsOffset = new GrowableInts();
    final GrowableInts sizes = new GrowableInts();
    final BitSet sync = new BitSet();
    final GrowableLongs chunkOffsets = new GrowableLongs();
    final GrowableInts chunkSamples = new GrowableInts();
    private byte[] pending = new byte[0];
    private int pendingBytes;
    private int pendingSamples;
    private long lastDuration;
    private long minPts = Long.MAX_VALUE;
    private long lastTimed = Ticks.NONE;
    /** The first of the untimed samples since the last timed one, or -1. */
    private int runStart = -1;

    TrackRecorder(ElementaryStream stream, int trackId) {
        this.stream = stream;
        this.entry = SampleEntry.of(stream);
        this.trackId = trackId;
    }

    /** Converts and records one packet; returns its sample bytes (not yet placed in a chunk). */
    byte[] add(Packet p) throws IOException {
        if (dts.size() >= MAX_SAMPLES) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "stream %d (%s) has more than %,d samples; DiVA's MP4 writer stops there", stream.index(),
                    stream.codec(), MAX_SAMPLES));
        }
        boolean timed = p.decodeTime() != Ticks.NONE;
        long decode = timed ? checkedDecodeTime(p.decodeTime()) : estimate();
        long pts = p.pts() != Ticks.NONE ? p.pts() : decode;
        long offset = Math.max(0, pts - decode); // a picture is never shown before it is decoded
        if (offset > MAX_REORDER) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "stream %d (%s): presentation time %.3f s is %.1f s after the decoding time at sample %,d",
                    stream.index(), stream.codec(), pts / (double) Ticks.PER_SECOND,
                    offset / (double) Ticks.PER_SECOND, dts.size()));
        }
        byte[] sample = entry.sample(p.data());
        if (timed && runStart >= 0) {
            spreadRun(decode);
        }
        long previous = dts.size() > 0 ? dts.get(dts.size() - 1) : Ticks.NONE;
        if (p.keyframe() || stream.kind() != StreamKind.VIDEO) {
            sync.set(dts.size());
        }
        if (!timed && runStart < 0) {
            runStart = dts.size();
        }
        dts.add(decode);
        ptsOffset.add((int) offset);
        sizes.add(sample.length);
        if (timed) {
            minPts = Math.min(minPts, decode + offset);
            lastTimed = decode;
        }
        if (p.duration() > 0) {
            lastDuration = p.duration();
        } else if (timed && previous != Ticks.NONE && decode > previous) {
            lastDuration = decode - previous;
        }
        return sample;
    }

    /** A stated decoding time, held at the previous one when it steps back a little; refused when far off. */
    private long checkedDecodeTime(long decode) throws MediaFormatException {
        if (lastTimed == Ticks.NONE) {
            return decode;
        }
        if (decode < lastTimed) {
            if (lastTimed - decode > BACKWARDS_TOLERANCE) {
                throw new MediaFormatException(String.format(Locale.ROOT,
                        "stream %d (%s): decoding time goes back from %.3f s to %.3f s at sample %,d; MP4 samples "
                                + "must be in decoding order", stream.index(), stream.codec(),
                        lastTimed / (double) Ticks.PER_SECOND, decode / (double) Ticks.PER_SECOND, dts.size()));
            }
            return lastTimed;
        }
        if (decode - lastTimed > MAX_GAP) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "stream %d (%s): decoding time jumps from %.3f s to %.3f s at sample %,d", stream.index(),
                    stream.codec(), lastTimed / (double) Ticks.PER_SECOND, decode / (double) Ticks.PER_SECOND,
                    dts.size()));
        }
        return decode;
    }

    /** Where an untimed packet probably goes: one duration after the previous sample (0 for the first). */
    private long estimate() {
        return dts.size() == 0 ? 0 : dts.get(dts.size() - 1) + lastDuration();
    }

    /**
     * Program streams and some broadcasts time only every few pictures (ISO/IEC 13818-1 section 2.7.4 asks for a
     * PTS at least every 0.7 s). Once the next stated time is known, the untimed samples since the last stated one
     * are spread evenly between the two; before any stated time, they are placed a duration apart before it.
     */
    private void spreadRun(long next) {
        int k = dts.size();
        if (lastTimed != Ticks.NONE) {
            int anchor = runStart - 1;
            long from = dts.get(anchor);
            for (int i = runStart; i < k; i++) {
                dts.set(i, from + (next - from) * (i - anchor) / (k - anchor));
            }
            if (lastDuration == 0) {
                lastDuration = (next - from) / (k - anchor);
            }
        } else {
            for (int i = runStart; i < k; i++) {
                dts.set(i, next - (k - i) * lastDuration());
            }
        }
        for (int i = runStart; i < k; i++) {
            minPts = Math.min(minPts, dts.get(i));
        }
        runStart = -1;
    }

    /** Keeps a sample for the next 'mdat'. */
    void buffer(byte[] sample) {
        if (pendingBytes + sample.length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingBytes + sample.length, pending.length * 2));
        }
        System.arraycopy(sample, 0, pending, pendingBytes, sample.length);
        pendingBytes += sample.length;
        pendingSamples++;
    }

    int pendingBytes() {
        return pendingBytes;
    }

    /**
     * The buffered samples as one chunk starting at {@code offset} of the file, and empties the buffer: the view is
     * valid until the next {@link #buffer}, so the caller writes it out first.
     */
    ByteBuffer takeChunk(long offset) {
        if (pendingSamples == 0) {
            return ByteBuffer.allocate(0);
        }
        chunkOffsets.add(offset);
        chunkSamples.add(pendingSamples);
        ByteBuffer chunk = ByteBuffer.wrap(pending, 0, pendingBytes);
        pendingBytes = 0;
        pendingSamples = 0;
        return chunk;
    }

    /** A sample written in an 'mdat' of its own: a chunk of one. */
    void ownChunk(long offset) {
        chunkOffsets.add(offset);
        chunkSamples.add(1);
    }

    void release() {
        pending = new byte[0];
        pendingBytes = 0;
        pendingSamples = 0;
    }

    int samples() {
        return dts.size();
    }

    /** The earliest presentation time of any sample, in ticks, untimed ones at the end included. */
    long firstPresentation() {
        long min = minPts;
        for (int i = Math.max(runStart, 0); runStart >= 0 && i < dts.size(); i++) {
            min = Math.min(min, dts.get(i));
        }
        return min;
    }

    /** How long the last sample lasts: its packet's duration, else the step before it, else a codec default. */
    long lastDuration() {
        return lastDuration > 0 ? lastDuration : entry.defaultDuration();
    }
}
