package org.diva.transcode.pipeline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.mux.Muxer;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.stream.Ticks;

/**
 * One run from a demuxer through per-stream stages into a muxer, on the calling thread (stages may use their
 * own executors). Streams without a stage are dropped. The run stops at the end of the input, when the muxer's
 * output fails (the client went away), or when the thread is interrupted; in every case the stages are closed.
 */
public final class Pipeline {
    /**
     * How far one stream may run ahead of a silent one before the interleaver stops waiting: longer than a video
     * transcode's latency (a few GOPs in flight), short enough that a title whose audio stops does not hold its
     * video back for long.
     */
    static final long MAX_LEAD = 30 * Ticks.PER_SECOND;

    private final Demuxer demuxer;
    private final Map<Integer, PacketStage> stages;
    private final Muxer muxer;
    private final KeyframeListener keyframes;

    /**
     * Told of each keyframe of the output's video (or first) stream just before the muxer gets it: its presentation
     * time and where in the output it starts ({@link Muxer#position()}; -1 when the muxer cannot say).
     */
    @FunctionalInterface
    public interface KeyframeListener {
        void keyframe(long pts, long offset);

        KeyframeListener NONE = (pts, offset) -> { };
    }

    /**
     * @param stages input stream index to the stage that produces output stream {@code stage.output().index()};
     *               output indices run from 0 without gaps
     */
    public Pipeline(Demuxer demuxer, Map<Integer, PacketStage> stages, Muxer muxer, KeyframeListener keyframes) {
        this.demuxer = Objects.requireNonNull(demuxer, "demuxer");
        this.stages = new TreeMap<>(stages);
        this.muxer = Objects.requireNonNull(muxer, "muxer");
        this.keyframes = Objects.requireNonNull(keyframes, "keyframes");
        for (int i = 0; i < this.stages.size(); i++) {
            int index = i;
            if (this.stages.values().stream().noneMatch(s -> s.output().index() == index)) {
                throw new IllegalArgumentException("no stage produces output stream " + i);
            }
        }
    }

    /** The output streams, by index. */
    public List<ElementaryStream> outputs() {
        return stages.values().stream().map(PacketStage::output)
                .sorted((a, b) -> Integer.compare(a.index(), b.index())).toList();
    }

    /**
     * Runs from {@code startTicks} (0 for the beginning; otherwise from the video keyframe at or before it) to the
     * end, then finishes the muxer. Returns the time the output starts at (the keyframe sought, or 0).
     */
    public long run(long startTicks) throws IOException {
        try {
            long from = startTicks > 0 ? demuxer.seek(startTicks) : Long.MIN_VALUE;
            int keyStream = keyStream();
            Interleaver interleaver = new Interleaver(stages.size(), MAX_LEAD);
            // Stages with threads of their own deliver from those threads: the lock keeps interleaver and muxer
            // to one writer at a time.
            Object output = new Object();
            PacketStage.Output deliver = packets -> {
                synchronized (output) {
                    interleaver.add(packets);
                    write(interleaver.ready(), keyStream);
                }
            };
            stages.values().forEach(stage -> stage.attach(deliver));
            boolean videoStarted = false;
            Optional<Packet> next;
            while ((next = demuxer.read()).isPresent()) {
                checkInterrupted();
                Packet packet = next.get();
                PacketStage stage = stages.get(packet.stream());
                if (stage == null) {
                    continue;
                }
                if (stage.output().kind() == StreamKind.VIDEO) {
                    videoStarted |= packet.keyframe();
                    if (!videoStarted) {
                        continue; // a picture that needs references the output does not have
                    }
                } else if (packet.pts() != Ticks.NONE && packet.pts() < from) {
                    continue; // from before the picture the output starts with
                }
                deliver.deliver(stage.push(packet));
            }
            for (PacketStage stage : stages.values()) {
                List<Packet> rest = stage.finish();
                synchronized (output) {
                    interleaver.add(rest);
                    interleaver.end(stage.output().index());
                    write(interleaver.ready(), keyStream);
                }
            }
            synchronized (output) {
                write(interleaver.drain(), keyStream);
                muxer.finish();
            }
            return from == Long.MIN_VALUE ? 0 : from;
        } finally {
            stages.values().forEach(PacketStage::close);
        }
    }

    private void write(List<Packet> packets, int keyStream) throws IOException {
        for (Packet packet : packets) {
            if (packet.stream() == keyStream && packet.keyframe()) {
                keyframes.keyframe(packet.pts(), muxer.position().orElse(-1));
            }
            muxer.write(packet);
        }
    }

    /** The output stream whose keyframes are seek points: the video, else the first. */
    private int keyStream() {
        List<ElementaryStream> outputs = outputs();
        return outputs.stream().filter(s -> s.kind() == StreamKind.VIDEO).mapToInt(ElementaryStream::index)
                .findFirst().orElse(0);
    }

    private static void checkInterrupted() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("stream production cancelled");
        }
    }
}
