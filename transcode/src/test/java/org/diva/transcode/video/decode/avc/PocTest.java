package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Picture order counts computed by hand from 14496-10 8.2.1.1-8.2.1.3 for short sequences. */
class PocTest {
    private final Poc poc = new Poc();

    static Sps sps(int pocType, int[] offsetForRefFrame, int offsetForNonRef) {
        return new Sps(0, 77, 30, ScalingLists.flat(6, 16), ScalingLists.flat(2, 64), false, 4, pocType, 4, false,
                offsetForNonRef, 0, offsetForRefFrame, 4, false, 2, 2, true, 0, 0, 0, 0, 2, 4);
    }

    static SliceHeader h(boolean idr, int refIdc, int frameNum, int lsb, int deltaPoc0, int deltaBottom) {
        return new SliceHeader(0, idr ? SliceHeader.I : SliceHeader.P, 0, refIdc, idr, frameNum, 0, lsb, deltaBottom,
                deltaPoc0, 0, false, new int[2], List.of(List.of(), List.of()), Optional.empty(), Optional.empty(), 0,
                26, 0, 0, 0);
    }

    private int next(Sps sps, SliceHeader h) {
        poc.compute(sps, h);
        int frame = poc.frame();
        poc.pictureDone(sps, h, false);
        return frame;
    }

    @Test
    void type0FollowsTheLsbAcrossItsWrapAndOnlyReferencePicturesMoveTheBase() {
        Sps sps = sps(0, new int[0], 0); // MaxPicOrderCntLsb 16
        assertEquals(0, next(sps, h(true, 3, 0, 0, 0, 0)));
        assertEquals(6, next(sps, h(false, 2, 1, 6, 0, 0)));
        assertEquals(12, next(sps, h(false, 2, 2, 12, 0, 0)));
        assertEquals(18, next(sps, h(false, 0, 3, 2, 0, 0))); // wraps: 12 -> 2 is a step forward
        assertEquals(10, next(sps, h(false, 0, 3, 10, 0, 0))); // non-reference 18 did not move the base (still 12)
        assertEquals(20, next(sps, h(false, 2, 3, 4, 0, 0)));
        assertEquals(14, next(sps, h(false, 0, 4, 14, 0, 0))); // 4 -> 14 is more than half back: previous MSB - 16
        // frame POC is the smaller of top and bottom: delta_pic_order_cnt_bottom -3
        assertEquals(17, next(sps, h(false, 0, 4, 4, 0, -3)));
    }

    @Test
    void type1ExpectsCycleOffsetsAndNonReferenceOffset() {
        Sps sps = sps(1, new int[] {3, 5}, -2);
        assertEquals(0, next(sps, h(true, 3, 0, 0, 0, 0)));
        assertEquals(3, next(sps, h(false, 2, 1, 0, 0, 0)));
        assertEquals(8, next(sps, h(false, 2, 2, 0, 0, 0)));
        assertEquals(6, next(sps, h(false, 0, 3, 0, 0, 0))); // absFrameNum 3 - 1 = 2: 3 + 5, then -2
        assertEquals(12, next(sps, h(false, 2, 3, 0, 1, 0))); // second cycle: 8 + 3, delta_pic_order_cnt[0] 1
    }

    @Test
    void type2IsTwiceTheUnwrappedFrameNum() {
        Sps sps = sps(2, new int[0], 0); // MaxFrameNum 16
        assertEquals(0, next(sps, h(true, 3, 0, 0, 0, 0)));
        assertEquals(2, next(sps, h(false, 2, 1, 0, 0, 0)));
        assertEquals(3, next(sps, h(false, 0, 2, 0, 0, 0)));
        int last = 0;
        for (int fn = 2; fn < 16; fn++) {
            last = next(sps, h(false, 2, fn, 0, 0, 0));
        }
        assertEquals(30, last);
        assertEquals(32, next(sps, h(false, 2, 0, 0, 0, 0))); // frame_num wrapped: FrameNumOffset 16
    }
}
