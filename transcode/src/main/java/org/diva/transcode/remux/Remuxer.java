package org.diva.transcode.remux;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.mux.Muxer;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.stream.Ticks;

/**
 * Copies the chosen streams of any {@link Demuxer} (MP4, Matroska, MPEG-TS alike) into a {@link Muxer}, unchanged.
 *
 * <p>Starting later than 0 seeks the demuxer to the keyframe at or before the start; packets that would still
 * come from before it (another stream's, or pictures before the first keyframe) are dropped, so the output starts
 * decodable and in sync. A failed write means the receiver went away: the remux stops at once, reports
 * {@link RemuxResult.Outcome#OUTPUT_FAILED} and does not throw; a damaged source still throws. Either way the
 * demuxer and muxer are closed when {@link #run} returns.
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
            long from = start > 0 ? demuxer.seek(start) : Ticks.NONE;
            Muxer muxer;
            try {
                muxer = muxers.create(streams);
            } catch (IOException e) {
                return new RemuxResult(RemuxResult.Outcome.OUTPUT_FAILED, 0, startOf(from));
            }
            try (muxer) {
                return copy(demuxer, muxer, streams, from);
            }
        }
    }

    private static long startOf(long from) {
        return from == Ticks.NONE ? 0 : from;
    }

    private static RemuxResult copy(Demuxer demuxer, Muxer muxer, List<ElementaryStream> streams, long from)
            throws IOException {
        Set<Integer> wanted = new HashSet<>();
        int video = -1;
        for (ElementaryStream s : streams) {
            wanted.add(s.index());
            video = s.kind() == StreamKind.VIDEO ? s.index() : video;
        }
        boolean seenKeyframe = video < 0;
        long written = 0;
        for (Optional<Packet> next = demuxer.read(); next.isPresent(); next = demuxer.read()) {
            Packet p = next.get();
            if (!wanted.contains(p.stream())) {
                continue;
            }
            if (p.stream() == video) {
                seenKeyframe |= p.keyframe();
                if (!seenKeyframe) {
                    continue; // a picture that needs references the output does not have
                }
            } else if (from != Ticks.NONE && p.pts() != Ticks.NONE && p.pts() < from) {
                continue; // audio from before the picture the output starts with
            }
            try {
                muxer.write(p);
            } catch (IOException clientGone) {
                return new RemuxResult(RemuxResult.Outcome.OUTPUT_FAILED, written, startOf(from));
            }
            written++;
        }
        try {
            muxer.finish();
        } catch (IOException clientGone) {
            return new RemuxResult(RemuxResult.Outcome.OUTPUT_FAILED, written, startOf(from));
        }
        return new RemuxResult(RemuxResult.Outcome.COMPLETED, written, startOf(from));
    }
}
