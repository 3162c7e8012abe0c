package org.diva.transcode.thumbnail;

import java.util.ArrayList;
import java.util.List;

/**
 * Which keyframes to try for a video's picture. The first frame is a poor choice: films open on black, studio logos
 * and titles. Like Jellyfin's extraction at a tenth of the runtime, DiVA takes the keyframe nearest 10% of the way
 * in; when that shows nothing (see {@link YuvPicture#isBlank}) it tries the ones nearest 20%, 30% and 40%. Positions
 * are by frame count, which is time for constant frame rates and close to it for the variable ones phones record;
 * finding a keyframe costs an index lookup either way, not a read.
 */
final class KeyframePicker {
    static final double[] POSITIONS = {0.10, 0.20, 0.30, 0.40};

    private KeyframePicker() {
    }

    /**
     * @param syncFrames the keyframes' indexes (0-based, ascending); empty when every frame is a keyframe
     * @param frameCount how many frames the track has
     * @return frame indexes to try, best first, without repeats
     */
    static List<Integer> candidates(int[] syncFrames, int frameCount) {
        List<Integer> picks = new ArrayList<>();
        for (double position : POSITIONS) {
            int target = (int) Math.round(position * (frameCount - 1));
            int pick = syncFrames.length == 0 ? target : nearest(syncFrames, target);
            if (pick >= 0 && pick < frameCount && !picks.contains(pick)) {
                picks.add(pick);
            }
        }
        return picks;
    }

    /** The keyframe closest to {@code target}; the earlier one on a tie. */
    private static int nearest(int[] sorted, int target) {
        int best = sorted[0];
        for (int frame : sorted) {
            if (Math.abs(frame - target) < Math.abs(best - target)) {
                best = frame;
            }
        }
        return best;
    }
}
