package org.diva.transcode.demux.matroska;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.matroska.EbmlReader;
import org.diva.transcode.probe.matroska.MatroskaIds;

/**
 * The Cues of one track (RFC 9559 section 5.1.5): for each CuePoint, its time in TimestampScale units and the
 * position of the Cluster holding the keyframe, relative to the Segment's data. Points are kept in time order
 * whatever order the file lists them in. A damaged Cues element gives an empty index, so seeking falls back to
 * walking the Clusters instead of failing.
 */
final class CueIndex {
    /** Cue points beyond this are ignored: one a second for 100 hours. */
    static final int MAX_POINTS = 360_000;

    private final long[] times;
    private final long[] clusters;

    private CueIndex(long[] times, long[] clusters) {
        this.times = times;
        this.clusters = clusters;
    }

    static CueIndex empty() {
        return new CueIndex(new long[0], new long[0]);
    }

    static CueIndex read(EbmlReader ebml, EbmlReader.Element cues, long segmentData, long track) throws IOException {
        List<long[]> points = new ArrayList<>();
        try {
            ebml.requireWithin(cues, ebml.source().size(), "file");
            long position = cues.dataOffset();
            while (position < cues.end() && points.size() < MAX_POINTS) {
                EbmlReader.Element point = ebml.child(position, cues);
                position = point.end();
                if (point.id() == MatroskaIds.CUE_POINT) {
                    readPoint(ebml, point, segmentData, track).ifPresent(points::add);
                }
            }
        } catch (MediaFormatException damaged) {
            return empty();
        }
        points.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] times = new long[points.size()];
        long[] clusters = new long[points.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = points.get(i)[0];
            clusters[i] = points.get(i)[1];
        }
        return new CueIndex(times, clusters);
    }

    private static Optional<long[]> readPoint(EbmlReader ebml, EbmlReader.Element point, long segmentData,
                                              long track) throws IOException {
        long time = -1;
        long cluster = -1;
        for (EbmlReader.Element e : ebml.children(point)) {
            if (e.id() == MatroskaIds.CUE_TIME) {
                time = ebml.unsigned(e);
            } else if (e.id() == MatroskaIds.CUE_TRACK_POSITIONS) {
                long cueTrack = -1;
                long position = -1;
                for (EbmlReader.Element p : ebml.children(e)) {
                    if (p.id() == MatroskaIds.CUE_TRACK) {
                        cueTrack = ebml.unsigned(p);
                    } else if (p.id() == MatroskaIds.CUE_CLUSTER_POSITION) {
                        position = ebml.unsigned(p);
                    }
                }
                if (cueTrack == track && position >= 0 && cluster < 0) {
                    cluster = segmentData + position;
                }
            }
        }
        return time >= 0 && cluster >= 0 ? Optional.of(new long[] {time, cluster}) : Optional.empty();
    }

    boolean isEmpty() {
        return times.length == 0;
    }

    /** The Cluster position of the last cue at or before {@code time}, if any. */
    Optional<Long> clusterAtOrBefore(long time) {
        Optional<Long> found = Optional.empty();
        for (int i = 0; i < times.length && times[i] <= time; i++) {
            found = Optional.of(clusters[i]);
        }
        return found;
    }
}
