package org.diva.transcode.remux;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.mux.Muxer;
import org.diva.transcode.pipeline.CopyStage;
import org.diva.transcode.pipeline.PacketStage;
import org.diva.transcode.pipeline.Pipeline;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;

/**
 * Copies the chosen streams of any {@link Demuxer} (MP4, Matroska, MPEG-TS alike) into a {@link Muxer}, unchanged.
 *
 * <p>Starting later than 0 seeks the demuxer to the keyframe at or before the start; packets that would still
 * come from before it (another stream's, or pictures before the first keyframe) are dropped, so the output starts
 * decodable and in sync. A failed write means the receiver went away: the remux stops at once, reports
 * {@link RemuxResult.Outcome#OUTPUT_FAILED} and does not throw; a damaged source still throws. Either way the
 * demuxer and muxer are closed when {@link #run} returns. The copying itself is the transcoding {@link Pipeline}'s
 * with a copy stage per stream (output streams numbered from 0 in the chosen order).
 */
public final class Remuxer {

    /** Makes the muxer once the streams are known. */
    @FunctionalInterface
    public interface MuxerFactory {
        Muxer create(List<ElementaryStream> streams) throws IOException;
    }

    private final StreamChoice choice;

    public Remuxer(StreamChoice choice) {
        this.choice = choice;
    }

    /**
     * Runs the remux to the end of the source or the first failed write.
     *
     * @param start where to start, in ticks of the source's presentation time (0 for the beginning)
     * @throws IllegalArgumentException when the source has nothing to carry or the muxer refuses a stream
     * @throws IOException              when the source cannot be read
     */
    public RemuxResult run(Demuxer demuxer, MuxerFactory muxers, long start) throws IOException {
        try (demuxer) {
            List<ElementaryStream> streams = choice.apply(demuxer.streams());
            if (streams.isEmpty()) {
                throw new IllegalArgumentException("nothing to remux: the source has no video or audio stream");
            }
            Map<Integer, PacketStage> stages = new HashMap<>();
            for (ElementaryStream stream : streams) {
                stages.put(stream.index(), new CopyStage(stream, stages.size()));
            }
            List<ElementaryStream> outputs = stages.values().stream().map(PacketStage::output)
                    .sorted((a, b) -> Integer.compare(a.index(), b.index())).toList();
            Muxer muxer;
            try {
                muxer = muxers.create(outputs);
            } catch (IOException e) {
                return new RemuxResult(RemuxResult.Outcome.OUTPUT_FAILED, 0, Math.max(start, 0));
            }
            CountingMuxer counted = new CountingMuxer(muxer);
            try (muxer) {
                long landed = new Pipeline(demuxer, stages, counted, Pipeline.KeyframeListener.NONE).run(start);
                return new RemuxResult(RemuxResult.Outcome.COMPLETED, counted.written, landed);
            } catch (IOException e) {
                if (counted.failed) {
                    return new RemuxResult(RemuxResult.Outcome.OUTPUT_FAILED, counted.written, Math.max(start, 0));
                }
                throw e;
            }
        }
    }

    /** Tells a failed write (the receiver went away) from a damaged source, and counts what was written. */
    private static final class CountingMuxer implements Muxer {
        private final Muxer muxer;
        long written;
        boolean failed;

        CountingMuxer(Muxer muxer) {
            this.muxer = muxer;
        }

        @Override
        public void write(Packet packet) throws IOException {
            try {
                muxer.write(packet);
                written++;
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void finish() throws IOException {
            try {
                muxer.finish();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            muxer.close();
        }
    }
}
