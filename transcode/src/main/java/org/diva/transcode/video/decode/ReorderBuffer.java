package org.diva.transcode.video.decode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.diva.transcode.video.Frame;

/**
 * Turns frames in decoding order into presentation order. A frame may leave once {@code depth} later-decoded frames
 * are queued behind it: H.264 bounds how many pictures can precede one in decoding order yet follow it in output
 * order (max_num_reorder_frames, ITU-T H.264 Annex E.2.1), and MPEG-2/MPEG-4 Part 2 reorder by at most one
 * (ISO/IEC 13818-2 section 6.1.1.11). Ordering is by presentation time, which the packets carry.
 */
final class ReorderBuffer {
    /** H.264 caps the decoded picture buffer at 16 frames, so no conforming stream needs more. */
    static final int MAX_DEPTH = 16;

    private final PriorityQueue<Frame> queue = new PriorityQueue<>(Comparator.comparingLong(Frame::pts));
    private int depth;

    ReorderBuffer(int depth) {
        setDepth(depth);
    }

    void setDepth(int newDepth) {
        depth = Math.max(0, Math.min(MAX_DEPTH, newDepth));
    }

    /** Adds a decoded frame; returns the frames that can no longer be preceded by one still to come. */
    List<Frame> add(Frame frame) {
        queue.add(frame);
        List<Frame> ready = new ArrayList<>(1);
        while (queue.size() > depth) {
            ready.add(queue.poll());
        }
        return ready;
    }

    List<Frame> drain() {
        List<Frame> all = new ArrayList<>(queue.size());
        while (!queue.isEmpty()) {
            all.add(queue.poll());
        }
        return all;
    }
}
