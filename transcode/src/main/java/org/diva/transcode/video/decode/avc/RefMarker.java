package org.diva.transcode.video.decode.avc;

import java.util.List;

/**
 * Decoded reference picture marking (14496-10 8.2.5) of a finished frame: IDR (8.2.5.1), the sliding window
 * (8.2.5.3) and the adaptive memory control operations (8.2.5.4). Pictures are frames only, so PicNum is FrameNumWrap
 * and LongTermPicNum is LongTermFrameIdx (8.2.4.1). Streams that break the rules (more references than
 * max_num_ref_frames, operations on pictures that are not there) are tolerated: operations without a target do
 * nothing, and the oldest reference is dropped so the buffer cannot grow.
 */
final class RefMarker {
    /** MaxLongTermFrameIdx; -1 is "no long-term frame indices". */
    private int maxLongTermFrameIdx = -1;

    /** Marks {@code current} and updates the marking of the stored pictures; returns whether it had mmco 5. */
    boolean mark(List<AvcPicture> stored, AvcPicture current, SliceHeader h, Sps sps) {
        if (h.nalRefIdc() == 0) {
            current.reference = AvcPicture.UNUSED;
            return false;
        }
        RefPicMarking marking = h.marking().orElse(new RefPicMarking(false, false, false, List.of()));
        boolean mmco5 = false;
        current.reference = AvcPicture.SHORT_TERM;
        if (h.idr()) {
            unmarkAll(stored, current);
            if (marking.longTermReference()) {
                current.reference = AvcPicture.LONG_TERM;
                current.longTermFrameIdx = 0;
                maxLongTermFrameIdx = 0;
            } else {
                maxLongTermFrameIdx = -1;
            }
        } else if (marking.adaptive()) {
            int maxFrameNum = 1 << sps.log2MaxFrameNum();
            for (int[] op : marking.operations()) {
                mmco5 |= apply(op, stored, current, h.frameNum(), maxFrameNum);
            }
        } else {
            slidingWindow(stored, current, Math.max(sps.maxNumRefFrames(), 1), sps);
        }
        if (mmco5) {
            current.frameNum = 0;
        }
        // a stream whose operations free too little must not grow the buffer: with the current picture, at most
        // max_num_ref_frames references (what a conforming stream keeps anyway)
        slidingWindow(stored, current, Math.max(sps.maxNumRefFrames(), 1), sps);
        return mmco5;
    }

    void reset() {
        maxLongTermFrameIdx = -1;
    }

    private boolean apply(int[] op, List<AvcPicture> stored, AvcPicture current, int currPicNum, int maxFrameNum) {
        switch (op[0]) {
            case 1 -> {
                AvcPicture p = shortTerm(stored, current, currPicNum - (op[1] + 1), maxFrameNum);
                if (p != null) {
                    p.reference = AvcPicture.UNUSED;
                }
            }
            case 2 -> {
                AvcPicture p = longTerm(stored, current, op[1]);
                if (p != null) {
                    p.reference = AvcPicture.UNUSED;
                }
            }
            case 3 -> {
                AvcPicture p = shortTerm(stored, current, currPicNum - (op[1] + 1), maxFrameNum);
                AvcPicture holder = longTerm(stored, current, op[2]);
                if (holder != null && holder != p) {
                    holder.reference = AvcPicture.UNUSED;
                }
                if (p != null) {
                    p.reference = AvcPicture.LONG_TERM;
                    p.longTermFrameIdx = op[2];
                }
            }
            case 4 -> {
                maxLongTermFrameIdx = op[1] - 1;
                for (AvcPicture p : stored) {
                    if (p != current && p.reference == AvcPicture.LONG_TERM
                            && p.longTermFrameIdx > maxLongTermFrameIdx) {
                        p.reference = AvcPicture.UNUSED;
                    }
                }
            }
            case 5 -> {
                unmarkAll(stored, current);
                maxLongTermFrameIdx = -1;
                return true;
            }
            case 6 -> {
                AvcPicture holder = longTerm(stored, current, op[1]);
                if (holder != null) {
                    holder.reference = AvcPicture.UNUSED;
                }
                current.reference = AvcPicture.LONG_TERM;
                current.longTermFrameIdx = op[1];
            }
            default -> throw new IllegalArgumentException("memory_management_control_operation " + op[0]);
        }
        return false;
    }

    /** The short-term picture whose PicNum (FrameNumWrap relative to the current frame_num) is {@code picNum}. */
    private static AvcPicture shortTerm(List<AvcPicture> stored, AvcPicture current, int picNum, int maxFrameNum) {
        for (AvcPicture p : stored) {
            if (p != current && p.reference == AvcPicture.SHORT_TERM
                    && wrap(p.frameNum, current.frameNum, maxFrameNum) == picNum) {
                return p;
            }
        }
        return null;
    }

    private static AvcPicture longTerm(List<AvcPicture> stored, AvcPicture current, int longTermPicNum) {
        for (AvcPicture p : stored) {
            if (p != current && p.reference == AvcPicture.LONG_TERM && p.longTermFrameIdx == longTermPicNum) {
                return p;
            }
        }
        return null;
    }

    /** FrameNumWrap (8-27). */
    static int wrap(int frameNum, int currentFrameNum, int maxFrameNum) {
        return frameNum > currentFrameNum ? frameNum - maxFrameNum : frameNum;
    }

    private static void unmarkAll(List<AvcPicture> stored, AvcPicture current) {
        for (AvcPicture p : stored) {
            if (p != current) {
                p.reference = AvcPicture.UNUSED;
            }
        }
    }

    /**
     * 8.2.5.3: while the stored references fill {@code limit} frames, the short-term one with the smallest
     * FrameNumWrap goes (a long-term one with the smallest index when none is short-term, which only a broken stream
     * reaches).
     */
    private static void slidingWindow(List<AvcPicture> stored, AvcPicture current, int limit, Sps sps) {
        int maxFrameNum = 1 << sps.log2MaxFrameNum();
        while (true) {
            int count = 0;
            AvcPicture oldestShort = null;
            AvcPicture lowestLong = null;
            for (AvcPicture p : stored) {
                if (p == current || p.reference == AvcPicture.UNUSED) {
                    continue;
                }
                count++;
                if (p.reference == AvcPicture.SHORT_TERM) {
                    if (oldestShort == null || wrap(p.frameNum, current.frameNum, maxFrameNum)
                            < wrap(oldestShort.frameNum, current.frameNum, maxFrameNum)) {
                        oldestShort = p;
                    }
                } else if (lowestLong == null || p.longTermFrameIdx < lowestLong.longTermFrameIdx) {
                    lowestLong = p;
                }
            }
            if (count < limit) {
                return;
            }
            (oldestShort != null ? oldestShort : lowestLong).reference = AvcPicture.UNUSED;
        }
    }
}
