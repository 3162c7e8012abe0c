package org.diva.transcode.video.gop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;

/**
 * Cuts a packet stream into {@link Gop}s at keyframes. Pictures that follow a keyframe in decoding order but precede
 * it in display order (the leading B pictures of an open GOP, ISO/IEC 13818-2 section 6.3.8 with closed_gop = 0, or
 * H.264 RASL-like pictures after a recovery point) predict from the previous GOP, so they go with it: the previous
 * GOP also decodes the keyframe and those pictures, keeping only the latter. The next GOP skips them. Packets before
 * the first keyframe cannot be decoded and are dropped. A GOP is held whole in memory, so its size is bounded.
 */
final class GopSplitter {
    static final int MAX_PACKETS = 3000;
    static final long MAX_BYTES = 256L << 20;
    /** Frame spacing assumed when a stream gives no way to measure it: 25 fps. */
    private static final long DEFAULT_SPACING = Ticks.PER_SECOND / 25;

    private final PacketSource source;
    private Packet nextKey;
    private Packet lookahead;
    private boolean ended;
    /** The source said it has ended: it is not read again (VideoTranscodeStage's says so once, then blocks). */
    private boolean sourceEnded;
    private long number;
    private long spacing = DEFAULT_SPACING;

    GopSplitter(PacketSource source) {
        this.source = source;
    }

    Optional<Gop> next() throws IOException {
        if (nextKey == null) {
            if (ended || !firstKeyframe()) {
                return Optional.empty();
            }
            leading(nextKey); // undecodable without an earlier GOP
        }
        Packet key = nextKey;
        nextKey = null;
        List<Packet> packets = new ArrayList<>();
        packets.add(key);
        long bytes = key.data().remaining();
        while (true) {
            Packet p = take();
            if (p == null) {
                ended = true;
                return Optional.of(gop(key, packets, Long.MAX_VALUE));
            }
            if (p.keyframe()) {
                nextKey = p;
                List<Packet> lead = leading(p);
                if (!lead.isEmpty()) {
                    packets.add(p);
                    packets.addAll(lead);
                }
                return Optional.of(gop(key, packets, time(p)));
            }
            packets.add(p);
            bytes += p.data().remaining();
            if (packets.size() > MAX_PACKETS || bytes > MAX_BYTES) {
                throw new MediaFormatException("no keyframe for " + packets.size() + " video packets (" + bytes
                        + " bytes) after the one at " + Ticks.toMillis(time(key)) + " ms; DiVA transcodes GOPs of "
                        + "at most " + MAX_PACKETS + " pictures");
            }
        }
    }

    private boolean firstKeyframe() throws IOException {
        for (Packet p = take(); p != null; p = take()) {
            if (p.keyframe()) {
                nextKey = p;
                return true;
            }
        }
        ended = true;
        return false;
    }

    /** Reads the pictures right after {@code key} that are shown before it; leaves the first other in lookahead. */
    private List<Packet> leading(Packet key) throws IOException {
        List<Packet> lead = new ArrayList<>();
        for (Packet p = take(); p != null; p = take()) {
            if (p.keyframe() || time(p) >= time(key)) {
                lookahead = p;
                break;
            }
            lead.add(p);
        }
        return lead;
    }

    private Packet take() throws IOException {
        if (lookahead != null) {
            Packet p = lookahead;
            lookahead = null;
            return p;
        }
        if (sourceEnded) {
            return null;
        }
        Packet p = source.read().orElse(null);
        sourceEnded = p == null;
        return p;
    }

    private Gop gop(Packet key, List<Packet> packets, long end) {
        long start = time(key);
        long[] times = packets.stream().mapToLong(GopSplitter::time).filter(t -> t >= start && t < end).sorted()
                .distinct().toArray();
        measureSpacing(times);
        long last = times.length == 0 ? start : times[times.length - 1];
        long duration = end != Long.MAX_VALUE ? end - start : last - start + spacing;
        return new Gop(number++, packets, start, end, Math.max(1, times.length), Math.max(1, duration));
    }

    /** The smallest gap between pictures, kept for a last GOP too short to measure its own. */
    private void measureSpacing(long[] times) {
        long[] gaps = new long[Math.max(0, times.length - 1)];
        for (int i = 1; i < times.length; i++) {
            gaps[i - 1] = times[i] - times[i - 1];
        }
        Arrays.stream(gaps).filter(g -> g > 0).min().ifPresent(g -> spacing = g);
    }

    static long time(Packet p) {
        return p.pts() != Ticks.NONE ? p.pts() : p.dts();
    }
}
