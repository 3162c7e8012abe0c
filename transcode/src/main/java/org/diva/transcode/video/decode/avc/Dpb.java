package org.diva.transcode.video.decode.avc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The decoded picture buffer (14496-10 8.2.4, 8.2.5, C.4): holds the frames still used for reference or still waiting
 * to be output, builds each slice's reference lists, and hands pictures out in output (POC) order.
 *
 * <p>Output follows the bumping process of C.4.5.3: after each picture, the waiting picture with the smallest POC is
 * output while more than max_num_reorder_frames wait or the stored frames exceed max_dec_frame_buffering. An IDR
 * picture or one with memory_management_control_operation 5 first outputs everything waiting (C.4.4), except that an
 * IDR with no_output_of_prior_pics_flag discards it. Buffers of pictures that are neither referenced nor waiting are
 * recycled by {@link #begin}. Gaps in frame_num are not filled with "non-existing" frames (8.2.5.2): the sliding window
 * simply sees fewer frames, and references that are missing are replaced as {@link RefLists} says.
 */
final class Dpb {
    private final List<AvcPicture> stored = new ArrayList<>();
    private final ArrayDeque<AvcPicture> free = new ArrayDeque<>();
    /** Pictures output by an IDR or mmco 5 in {@link #begin}, returned by the next {@link #finish}. */
    private final List<AvcPicture> flushed = new ArrayList<>();
    private final Poc poc = new Poc();
    private final RefMarker marker = new RefMarker();
    private Sps sps;
    private SliceHeader currentHeader;
    private AvcPicture missing;
    private int nextId;

    /**
     * Starts a picture: computes its POC, performs what its IDR or mmco 5 does to the pictures waiting for output, and
     * returns a buffer for it (possibly a recycled one, macroblock data cleared).
     */
    AvcPicture begin(Sps sps, SliceHeader first, long pts) {
        if (this.sps != null && (this.sps.widthMbs() != sps.widthMbs() || this.sps.heightMbs() != sps.heightMbs())) {
            free.clear();
            missing = null;
        }
        this.sps = sps;
        this.currentHeader = first;
        boolean mmco5 = first.marking().map(m -> m.operations().stream().anyMatch(op -> op[0] == 5)).orElse(false);
        if (first.idr()) {
            boolean discard = first.marking().map(RefPicMarking::noOutputOfPriorPics).orElse(false);
            outputAll(discard);
            for (AvcPicture p : stored) {
                p.reference = AvcPicture.UNUSED;
            }
            recycle();
        } else if (mmco5) {
            outputAll(false);
        }
        poc.compute(sps, first);
        AvcPicture picture = free.isEmpty() ? new AvcPicture(sps.widthMbs(), sps.heightMbs()) : free.pop();
        picture.clearMacroblockData();
        picture.id = nextId++;
        picture.poc = poc.frame();
        picture.frameNum = first.frameNum();
        picture.frameNumWrap = first.frameNum();
        picture.longTermFrameIdx = 0;
        picture.reference = AvcPicture.UNUSED;
        picture.idr = first.idr();
        picture.outputNeeded = true;
        picture.pts = pts;
        return picture;
    }

    /** RefPicList0 and RefPicList1 for a slice of {@code current}; never null entries. */
    AvcPicture[][] refLists(SliceHeader slice, AvcPicture current) {
        return RefLists.build(stored, current, slice, sps, missingPicture(current));
    }

    /** Marks the finished picture (8.2.5), stores it, and returns the pictures now due for output in POC order. */
    List<AvcPicture> finish(AvcPicture current) {
        boolean mmco5 = marker.mark(stored, current, currentHeader, sps);
        current.poc = poc.pictureDone(sps, currentHeader, mmco5);
        List<AvcPicture> out = new ArrayList<>(flushed);
        flushed.clear();
        recycle(); // the pictures an IDR output leave, so that they do not count as filling the buffer
        stored.add(current);
        int reorder = Math.max(sps.maxNumReorderFrames(), 0);
        while (true) {
            int waiting = 0;
            int full = 0; // frames still occupying the buffer: a picture bumped and not referenced leaves it
            for (AvcPicture p : stored) {
                waiting += p.outputNeeded ? 1 : 0;
                full += p.outputNeeded || p.isReference() ? 1 : 0;
            }
            if (waiting == 0 || (waiting <= reorder && full <= sps.maxDecFrameBuffering())) {
                break;
            }
            out.add(bump());
        }
        recycle();
        return out;
    }

    /** Outputs every waiting picture in POC order and empties the buffer, as at the end of a stream. */
    List<AvcPicture> flush() {
        outputAll(false);
        List<AvcPicture> out = new ArrayList<>(flushed);
        flushed.clear();
        for (AvcPicture p : stored) {
            p.reference = AvcPicture.UNUSED;
        }
        recycle();
        poc.reset();
        marker.reset();
        return out;
    }

    private void outputAll(boolean discard) {
        while (true) {
            AvcPicture p = smallestWaiting();
            if (p == null) {
                return;
            }
            p.outputNeeded = false;
            if (!discard) {
                flushed.add(p);
            }
        }
    }

    private AvcPicture bump() {
        AvcPicture p = smallestWaiting();
        p.outputNeeded = false;
        return p;
    }

    private AvcPicture smallestWaiting() {
        AvcPicture best = null;
        for (AvcPicture p : stored) {
            if (p.outputNeeded && (best == null || p.poc < best.poc || (p.poc == best.poc && p.id < best.id))) {
                best = p;
            }
        }
        return best;
    }

    /**
     * Moves pictures neither referenced nor waiting to the free list. A picture just handed out stays valid until the
     * next {@link #begin}, which is all the caller's copy needs.
     */
    private void recycle() {
        for (int i = stored.size() - 1; i >= 0; i--) {
            AvcPicture p = stored.get(i);
            if (!p.outputNeeded && p.reference == AvcPicture.UNUSED && !flushed.contains(p)) {
                stored.remove(i);
                if (sps != null && p.widthMbs == sps.widthMbs() && p.heightMbs == sps.heightMbs()) {
                    free.push(p);
                }
            }
        }
    }

    /**
     * What stands in for a reference when the buffer has none at all (decoding entered at a P or B picture): mid-grey,
     * intra everywhere, so co-located motion is zero.
     */
    private AvcPicture missingPicture(AvcPicture current) {
        if (missing == null || missing.widthMbs != current.widthMbs || missing.heightMbs != current.heightMbs) {
            missing = new AvcPicture(current.widthMbs, current.heightMbs);
            Arrays.fill(missing.y, (byte) 128);
            Arrays.fill(missing.cb, (byte) 128);
            Arrays.fill(missing.cr, (byte) 128);
            Arrays.fill(missing.kind, MbKind.INTRA);
            for (int list = 0; list < 2; list++) {
                Arrays.fill(missing.refIdx[list], (byte) -1);
                Arrays.fill(missing.refPic[list], -1);
            }
            missing.id = -2;
            missing.reference = AvcPicture.SHORT_TERM;
        }
        return missing;
    }
}
