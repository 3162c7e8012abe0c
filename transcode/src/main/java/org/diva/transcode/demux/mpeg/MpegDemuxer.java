package org.diva.transcode.demux.mpeg;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.stream.Ticks;

/**
 * The demuxer of both MPEG families over an {@link Engine}. Opening reads the head of the input until every
 * stream's headers were seen (or a budget is spent) to fill in the stream details, and the tail to learn the
 * duration; then reading starts again from the first packet. Seeking is {@link MpegSeeker}'s.
 */
final class MpegDemuxer implements Demuxer {
    /** How much of the head is read to learn the streams' details. */
    static final long HEAD_BUDGET = 8L * 1024 * 1024;
    private static final long TAIL = 2L * 1024 * 1024;

    private final ArrayDeque<Unit> queue;
    private final Engine engine;
    private final List<ElementaryStream> streams;
    private final OptionalLong duration;
    private final MpegSeeker seeker;
    private final int reference;
    /** After a seek, the keyframe landed on until it is read. */
    private Optional<MpegSeeker.Landing> landing = Optional.empty();

    private MpegDemuxer(ArrayDeque<Unit> queue, Engine engine, List<ElementaryStream> streams,
                        OptionalLong duration) {
        this.queue = queue;
        this.engine = engine;
        this.streams = List.copyOf(streams);
        this.duration = duration;
        this.reference = reference(streams);
        this.seeker = new MpegSeeker(engine, queue, reference);
    }

    /** Opens an engine whose units land in {@code queue}. */
    static MpegDemuxer open(ArrayDeque<Unit> queue, Engine engine) throws IOException {
        long firstTime = Long.MAX_VALUE;
        boolean more = true;
        while (more && engine.position() - engine.dataStart() < HEAD_BUDGET
                && (!allKnown(engine) || engine.position() - engine.dataStart() < engine.discoveryBytes())) {
            more = engine.pump();
            for (Unit unit : queue) {
                if (unit.packet().pts() != Ticks.NONE) {
                    firstTime = Math.min(firstTime, unit.packet().pts());
                }
            }
            queue.clear();
        }
        engine.lock();
        List<Framer> framers = engine.framers();
        if (framers.isEmpty()) {
            throw new MediaFormatException(engine.problem());
        }
        List<ElementaryStream> streams = new ArrayList<>();
        for (Framer framer : framers) {
            streams.add(framer.facts().toStream(streams.size(), engine.language(streams.size())));
        }
        OptionalLong duration = measure(queue, engine, firstTime);
        engine.restart(engine.dataStart());
        queue.clear();
        return new MpegDemuxer(queue, engine, streams, duration);
    }

    private static boolean allKnown(Engine engine) {
        List<Framer> framers = engine.framers();
        return !framers.isEmpty() && framers.stream().allMatch(f -> f.facts().known());
    }

    /** From the earliest time stamp of the head to the end of the last unit of the tail. */
    private static OptionalLong measure(ArrayDeque<Unit> queue, Engine engine, long firstTime) throws IOException {
        if (firstTime == Long.MAX_VALUE) {
            return OptionalLong.empty();
        }
        engine.restart(Math.max(engine.dataStart(), engine.size() - TAIL));
        queue.clear();
        long end = Long.MIN_VALUE;
        boolean more = true;
        while (more) {
            more = engine.pump();
            for (Unit unit : queue) {
                Packet p = unit.packet();
                if (p.pts() != Ticks.NONE) {
                    end = Math.max(end, p.pts() + p.duration());
                }
            }
            queue.clear();
        }
        return end > firstTime ? OptionalLong.of(end - firstTime) : OptionalLong.empty();
    }

    /** The stream seeks land on: the first video stream, else the first audio stream, else the first. */
    private static int reference(List<ElementaryStream> streams) {
        for (StreamKind kind : List.of(StreamKind.VIDEO, StreamKind.AUDIO)) {
            for (ElementaryStream s : streams) {
                if (s.kind() == kind) {
                    return s.index();
                }
            }
        }
        return 0;
    }

    @Override
    public List<ElementaryStream> streams() {
        return streams;
    }

    @Override
    public OptionalLong duration() {
        return duration;
    }

    @Override
    public Optional<Packet> read() throws IOException {
        while (true) {
            while (queue.isEmpty()) {
                if (!engine.pump() && queue.isEmpty()) {
                    return Optional.empty();
                }
            }
            Unit unit = queue.removeFirst();
            Packet packet = unit.packet();
            if (landing.isPresent() && packet.stream() == reference) {
                MpegSeeker.Landing at = landing.get();
                if (!packet.keyframe() || unit.position() != at.position()
                        || (packet.pts() != Ticks.NONE && packet.pts() != at.pts())) {
                    continue; // pictures that shared the landing keyframe's first PES packet, before it
                }
                landing = Optional.empty();
                if (packet.pts() == Ticks.NONE) { // timed while seeking from pictures read before it
                    packet = new Packet(packet.stream(), at.pts(), Ticks.NONE, packet.duration(), true,
                            packet.data());
                }
            }
            return Optional.of(packet);
        }
    }

    @Override
    public long seek(long ticks) throws IOException {
        Optional<MpegSeeker.Landing> landed = seeker.seek(ticks);
        landing = landed;
        return landed.map(MpegSeeker.Landing::pts).orElse(ticks);
    }

    @Override
    public void close() {
        queue.clear();
    }
}
