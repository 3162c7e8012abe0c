package org.diva.transcode.pipeline;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.mux.Muxer;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.video.EncoderSettings;

/**
 * Builds and runs the pipeline for a {@link StreamPlan}: the demuxer for the container, a stage per chosen
 * stream (copy, video encode, audio conversion) and the muxer. The factories are injected, so the composition
 * root decides which demuxers, encoders and muxer exist, and tests can run the same assembly.
 */
public final class Pipelines {
    /** Opens the demuxer for a container name as the probes report it (mp4, matroska, mpegts, ...). */
    @FunctionalInterface
    public interface DemuxerFactory {
        Demuxer open(String container, SeekableByteChannel channel) throws IOException;
    }

    /** A muxer for the given output streams writing to a channel. */
    @FunctionalInterface
    public interface MuxerFactory {
        Muxer open(List<ElementaryStream> streams, WritableByteChannel out) throws IOException;
    }

    /** A stage that encodes an input video stream to H.264 as output stream {@code index}. */
    @FunctionalInterface
    public interface VideoStageFactory {
        PacketStage open(ElementaryStream input, EncoderSettings settings, int index) throws IOException;
    }

    /** A stage that converts an input audio stream as output stream {@code index}. */
    @FunctionalInterface
    public interface AudioStageFactory {
        PacketStage open(ElementaryStream input, StreamPlan.AudioTarget target, int index) throws IOException;
    }

    private final DemuxerFactory demuxers;
    private final MuxerFactory muxers;
    private final VideoStageFactory video;
    private final AudioStageFactory audio;

    public Pipelines(DemuxerFactory demuxers, MuxerFactory muxers, VideoStageFactory video, AudioStageFactory audio) {
        this.demuxers = demuxers;
        this.muxers = muxers;
        this.video = video;
        this.audio = audio;
    }

    /**
     * Writes the planned stream of {@code source} (a file of {@code container} format) to {@code out}, from the
     * keyframe at or before {@code startTicks}.
     */
    public void run(String container, SeekableByteChannel source, StreamPlan plan, long startTicks,
                    WritableByteChannel out, Pipeline.KeyframeListener keyframes) throws IOException {
        try (Demuxer demuxer = demuxers.open(container, source)) {
            Map<Integer, PacketStage> stages = new HashMap<>();
            try {
                if (plan.video().isPresent()) {
                    ElementaryStream input = stream(demuxer, StreamKind.VIDEO, plan.video().getAsInt());
                    stages.put(input.index(), plan.videoCodec().isPresent()
                            ? video.open(input, plan.videoCodec().get(), stages.size())
                            : new CopyStage(input, stages.size()));
                }
                if (plan.audio().isPresent()) {
                    ElementaryStream input = stream(demuxer, StreamKind.AUDIO, plan.audio().getAsInt());
                    stages.put(input.index(), plan.audioCodec().isPresent()
                            ? audio.open(input, plan.audioCodec().get(), stages.size())
                            : new CopyStage(input, stages.size()));
                }
            } catch (IOException | RuntimeException e) {
                stages.values().forEach(PacketStage::close);
                throw e;
            }
            List<ElementaryStream> outputs = new ArrayList<>();
            stages.values().stream().map(PacketStage::output)
                    .sorted((a, b) -> Integer.compare(a.index(), b.index())).forEach(outputs::add);
            try (Muxer muxer = muxers.open(outputs, out)) {
                new Pipeline(demuxer, stages, muxer, keyframes).run(startTicks);
            }
        }
    }

    /** The {@code nth} stream of a kind, counted as the probes count tracks. */
    private static ElementaryStream stream(Demuxer demuxer, StreamKind kind, int nth) throws MediaFormatException {
        List<ElementaryStream> ofKind = demuxer.streams().stream().filter(s -> s.kind() == kind).toList();
        if (nth < 0 || nth >= ofKind.size()) {
            throw new MediaFormatException("the file has no " + kind.name().toLowerCase(Locale.ROOT)
                    + " stream " + nth + " (it has " + ofKind.size() + ")");
        }
        return ofKind.get(nth);
    }
}
