package org.diva.transcode.demux.mp4;

import java.util.List;
import java.util.function.IntConsumer;

import org.diva.transcode.stream.StreamKind;

/**
 * Seeking by sync samples: the first video track's last sync sample presented at or before the target (the first
 * sync sample when the target is before all of them); every other track restarts at its first sample presented at
 * or after that keyframe, so nothing before the picture is sent. Without video, every track restarts at its last
 * sample at or before the target.
 */
final class Mp4Seek {
    private Mp4Seek() {
    }

    static long seek(List<Mp4Track> tracks, int[] next, long ticks, IntConsumer first) {
        int video = -1;
        for (int t = 0; t < tracks.size() && video < 0; t++) {
            if (tracks.get(t).stream().kind() == StreamKind.VIDEO && tracks.get(t).samples().count() > 0) {
                video = t;
            }
        }
        if (video < 0) {
            long start = Long.MAX_VALUE;
            int firstTrack = -1;
            for (int t = 0; t < tracks.size(); t++) {
                next[t] = atOrBefore(tracks.get(t), ticks);
                if (next[t] < tracks.get(t).samples().count() && tracks.get(t).pts(next[t]) < start) {
                    start = tracks.get(t).pts(next[t]);
                    firstTrack = t;
                }
            }
            first.accept(firstTrack);
            return start == Long.MAX_VALUE ? ticks : start;
        }
        Mp4Track v = tracks.get(video);
        SampleTable s = v.samples();
        int key = -1;
        for (int i = 0; i < s.count(); i++) {
            if (s.sync(i) && (key < 0 || v.pts(i) <= ticks)) {
                key = i;
            }
        }
        if (key < 0) {
            key = 0;
        }
        long keyPts = v.pts(key);
        for (int t = 0; t < tracks.size(); t++) {
            next[t] = t == video ? key : firstAtOrAfter(tracks.get(t), keyPts);
        }
        first.accept(video);
        return keyPts;
    }

    private static int atOrBefore(Mp4Track t, long ticks) {
        int found = 0;
        for (int i = 0; i < t.samples().count() && t.pts(i) <= ticks; i++) {
            found = i;
        }
        return found;
    }

    private static int firstAtOrAfter(Mp4Track t, long ticks) {
        int i = 0;
        while (i < t.samples().count() && t.pts(i) < ticks) {
            i++;
        }
        return i;
    }
}
