package org.diva.transcode.thumbnail;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Which moments to take a video's picture from. The first frame is a poor choice: films open on black, studio logos
 * and titles. Like Jellyfin's extraction at a tenth of the runtime, DiVA takes the keyframe at or before 10% of the
 * way in; when that shows nothing (see {@link YuvPicture#isBlank}) it tries the ones at 20%, 30% and 40%. The demuxer
 * finds each keyframe from its index (MP4 sample table, Matroska cues) or by a bounded bisection of the file (MPEG
 * TS/PS), so a candidate costs a seek and one GOP's first packets, never a read of the film.
 */
final class KeyframePicker {
    static final double[] POSITIONS = {0.10, 0.20, 0.30, 0.40};

    private KeyframePicker() {
    }

    /**
     * @param start    the presentation time of the first video packet, in ticks
     * @param duration the playing time in ticks, if known
     * @return times to seek to, best first, without repeats; only the start when the duration is unknown
     */
    static List<Long> targets(long start, OptionalLong duration) {
        List<Long> picks = new ArrayList<>();
        if (duration.isEmpty() || duration.getAsLong() <= 0) {
            picks.add(start);
            return picks;
        }
        for (double position : POSITIONS) {
            long target = start + Math.round(position * duration.getAsLong());
            if (!picks.contains(target)) {
                picks.add(target);
            }
        }
        return picks;
    }
}
