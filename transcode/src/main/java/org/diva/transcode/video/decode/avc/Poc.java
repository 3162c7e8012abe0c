package org.diva.transcode.video.decode.avc;

/**
 * Picture order count of frames (14496-10 8.2.1), for all three pic_order_cnt_type values. It carries the state that
 * the count of the next picture depends on, so one instance follows one stream in decoding order.
 *
 * <p>Type 0 (8.2.1.1) sends the low bits of the count; the high bits (PicOrderCntMsb) follow the previous reference
 * picture's, stepping by MaxPicOrderCntLsb when the low bits wrap by more than half their range. Type 1 (8.2.1.2)
 * derives the count from frame_num through the expected increments of a reference-frame cycle, corrected by the sent
 * deltas. Type 2 (8.2.1.3) is twice the unwrapped frame_num, minus one for non-reference pictures. An IDR picture
 * and memory_management_control_operation 5 restart the count (8.2.1: "the previous picture ... had mmco 5").
 */
final class Poc {
    private int prevPocMsb;
    private int prevPocLsb;
    private int prevFrameNumOffset;
    private int prevFrameNum;
    private boolean prevHadMmco5;

    private int frameNumOffset;
    private int pocMsb;
    private int top;
    private int bottom;

    /** Computes TopFieldOrderCnt and BottomFieldOrderCnt of the picture whose first slice header this is. */
    void compute(Sps sps, SliceHeader h) {
        switch (sps.pocType()) {
            case 0 -> type0(sps, h);
            case 1 -> type1(sps, h);
            default -> type2(sps, h);
        }
    }

    /** PicOrderCnt of the frame: Min(TopFieldOrderCnt, BottomFieldOrderCnt) (8-1). */
    int frame() {
        return Math.min(top, bottom);
    }

    int top() {
        return top;
    }

    int bottom() {
        return bottom;
    }

    /**
     * Records the decoded picture as "the previous picture" for the next one. After mmco 5 the picture counts as
     * having frame_num 0 and the POC of its top field minus the frame's (8.2.1, 7.4.3); returns the frame's POC as
     * it is then to be used for output ordering.
     */
    int pictureDone(Sps sps, SliceHeader h, boolean mmco5) {
        int framePoc = frame();
        if (mmco5) {
            int temp = framePoc;
            top -= temp;
            bottom -= temp;
            framePoc = 0;
        }
        if (sps.pocType() == 0) {
            if (h.nalRefIdc() != 0) {
                prevPocMsb = mmco5 ? 0 : pocMsb;
                prevPocLsb = mmco5 ? top : h.pocLsb();
            }
        }
        prevFrameNumOffset = mmco5 ? 0 : frameNumOffset;
        prevFrameNum = mmco5 ? 0 : h.frameNum();
        prevHadMmco5 = mmco5;
        return framePoc;
    }

    /** Forgets the history, as when decoding restarts at an IDR picture after a flush. */
    void reset() {
        prevPocMsb = 0;
        prevPocLsb = 0;
        prevFrameNumOffset = 0;
        prevFrameNum = 0;
        prevHadMmco5 = false;
    }

    private void type0(Sps sps, SliceHeader h) {
        if (h.idr()) {
            prevPocMsb = 0;
            prevPocLsb = 0;
        }
        int maxLsb = 1 << sps.log2MaxPocLsb();
        int lsb = h.pocLsb();
        if (lsb < prevPocLsb && prevPocLsb - lsb >= maxLsb / 2) {
            pocMsb = prevPocMsb + maxLsb;
        } else if (lsb > prevPocLsb && lsb - prevPocLsb > maxLsb / 2) {
            pocMsb = prevPocMsb - maxLsb;
        } else {
            pocMsb = prevPocMsb;
        }
        top = pocMsb + lsb;
        bottom = top + h.deltaPocBottom();
    }

    private void frameNumOffset(Sps sps, SliceHeader h) {
        int prevOffset = prevHadMmco5 ? 0 : prevFrameNumOffset;
        if (h.idr()) {
            frameNumOffset = 0;
        } else if (prevFrameNum > h.frameNum()) {
            frameNumOffset = prevOffset + (1 << sps.log2MaxFrameNum());
        } else {
            frameNumOffset = prevOffset;
        }
    }

    private void type1(Sps sps, SliceHeader h) {
        frameNumOffset(sps, h);
        int[] offsets = sps.offsetForRefFrame();
        int cycle = offsets.length;
        int absFrameNum = cycle != 0 ? frameNumOffset + h.frameNum() : 0;
        if (h.nalRefIdc() == 0 && absFrameNum > 0) {
            absFrameNum--;
        }
        int expected = 0;
        if (absFrameNum > 0) {
            int cycleCnt = (absFrameNum - 1) / cycle;
            int inCycle = (absFrameNum - 1) % cycle;
            int deltaPerCycle = 0;
            for (int offset : offsets) {
                deltaPerCycle += offset;
            }
            expected = cycleCnt * deltaPerCycle;
            for (int i = 0; i <= inCycle; i++) {
                expected += offsets[i];
            }
        }
        if (h.nalRefIdc() == 0) {
            expected += sps.offsetForNonRefPic();
        }
        top = expected + h.deltaPoc0();
        bottom = top + sps.offsetForTopToBottomField() + h.deltaPoc1();
    }

    private void type2(Sps sps, SliceHeader h) {
        frameNumOffset(sps, h);
        int temp = h.idr() ? 0 : 2 * (frameNumOffset + h.frameNum()) - (h.nalRefIdc() == 0 ? 1 : 0);
        top = temp;
        bottom = temp;
    }
}
