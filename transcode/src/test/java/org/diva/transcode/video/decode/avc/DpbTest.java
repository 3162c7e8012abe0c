package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The DPB on hand-made header sequences: list rules, MMCOs, IDR and mmco 5 output, missing references. */
class DpbTest {
    private final Dpb dpb = new Dpb();
    private final List<Integer> output = new ArrayList<>();
    private final Sps sps = sps(4, 2);

    static Sps sps(int maxRefs, int reorder) {
        return new Sps(0, 100, 30, ScalingLists.flat(6, 16), ScalingLists.flat(2, 64), false, 4, 0, 8, false, 0, 0,
                new int[0], maxRefs, false, 2, 2, true, 0, 0, 0, 0, reorder, Math.max(maxRefs, reorder + 1));
    }

    static SliceHeader header(int type, boolean idr, int refIdc, int frameNum, int pocLsb, int[] active,
                              List<List<int[]>> mods, Optional<RefPicMarking> marking) {
        return new SliceHeader(0, type, 0, refIdc, idr, frameNum, 0, pocLsb, 0, 0, 0, true, active, mods,
                Optional.empty(), marking, 0, 26, 0, 0, 0);
    }

    static Optional<RefPicMarking> mmco(int[]... ops) {
        return Optional.of(new RefPicMarking(false, false, true, List.of(ops)));
    }

    static final Optional<RefPicMarking> SLIDING = Optional.of(new RefPicMarking(false, false, false, List.of()));

    /** Decodes one picture's worth of DPB calls; returns the POCs of its lists. */
    private String picture(SliceHeader h) {
        AvcPicture current = dpb.begin(sps, h, h.pocLsb());
        AvcPicture[][] lists = dpb.refLists(h, current);
        for (AvcPicture p : dpb.finish(current)) {
            output.add((int) p.pts);
        }
        StringBuilder s = new StringBuilder();
        for (int list = 0; list < (h.isB() ? 2 : 1); list++) {
            s.append(list == 0 ? "L0" : " L1");
            for (AvcPicture p : lists[list]) {
                s.append(' ').append(p.id == -2 ? "grey" : String.valueOf(p.poc));
            }
        }
        return s.toString();
    }

    private String idr() {
        return picture(header(SliceHeader.I, true, 3, 0, 0, new int[2], List.of(List.of(), List.of()),
                Optional.of(new RefPicMarking(false, false, false, List.of()))));
    }

    private String p(int frameNum, int poc, int active, Optional<RefPicMarking> marking, int[]... mods) {
        return picture(header(SliceHeader.P, false, 2, frameNum, poc, new int[] {active, 0},
                List.of(List.of(mods), List.of()), marking));
    }

    private String b(int frameNum, int poc, int refIdc, int active0, int active1) {
        return picture(header(SliceHeader.B, false, refIdc, frameNum, poc, new int[] {active0, active1},
                List.of(List.of(), List.of()), refIdc == 0 ? Optional.empty() : SLIDING));
    }

    @Test
    void list1EqualToList0HasItsFirstTwoEntriesSwapped() {
        idr();
        p(1, 4, 1, SLIDING);
        // every reference precedes the B picture: both initial lists are [4, 0], so list 1 becomes [0, 4]
        assertEquals("L0 4 0 L1 0 4", b(2, 8, 0, 2, 2));
        // a B between them: no swap
        assertEquals("L0 0 L1 4 0", b(2, 2, 0, 1, 2));
    }

    @Test
    void adaptiveMarkingMakesLongTermReferencesThatComeLastInPLists() {
        idr();
        p(1, 2, 1, SLIDING);
        p(2, 4, 1, SLIDING);
        p(3, 6, 1, SLIDING);
        // at frame_num 4: mmco 1 drops PicNum 4 - 3 = 1 (POC 2); mmco 3 turns PicNum 4 - 1 = 3 (POC 6) into long-term 0
        p(4, 8, 1, mmco(new int[] {1, 2}, new int[] {3, 0, 0}));
        assertEquals("L0 8 4 0 6", p(5, 10, 4, SLIDING));
        // long_term_pic_num 0 moved to the front by modification idc 2
        assertEquals("L0 6 10 8", p(6, 12, 3, SLIDING, new int[] {2, 0}));
        // mmco 2 drops the long-term picture; the sliding window kept 4 references
        assertEquals("L0 12 10 8", p(7, 14, 3, mmco(new int[] {2, 0})));
        assertEquals("L0 14 12 10 8", p(8, 16, 4, SLIDING));
    }

    @Test
    void slidingWindowDropsTheSmallestFrameNumWrapAcrossTheWrap() {
        idr();
        int poc = 0;
        for (int fn = 1; fn < 20; fn++) { // frame_num wraps at 16
            poc += 2;
            p(fn & 15, poc & 255, 1, SLIDING);
        }
        assertEquals("L0 38 36 34 32", p(20 & 15, 40, 4, SLIDING));
    }

    @Test
    void mmco5OutputsWhatWaitsAndRestartsThePictureOrderCount() {
        idr();
        p(1, 8, 1, SLIDING);
        b(2, 4, 0, 1, 1);
        p(2, 16, 1, mmco(new int[] {5}));
        // after mmco 5 the picture has POC 0 and frame_num 0: the next picture counts from there
        assertEquals("L0 0", p(1, 4, 1, SLIDING));
        output.addAll(dpb.flush().stream().map(p -> (int) p.pts).toList());
        assertEquals(List.of(0, 4, 8, 16, 4), output);
    }

    @Test
    void idrWithNoOutputOfPriorPicsDiscardsWhatWaits() {
        idr();
        p(1, 8, 1, SLIDING);
        b(2, 4, 0, 1, 1);
        picture(header(SliceHeader.I, true, 3, 0, 0, new int[2], List.of(List.of(), List.of()),
                Optional.of(new RefPicMarking(true, false, false, List.of()))));
        output.addAll(dpb.flush().stream().map(p -> (int) p.pts).toList());
        // the first IDR was bumped by the B picture (3 waiting, 2 allowed); POC 8 and 4 never come out
        assertEquals(List.of(0, 0), output);
    }

    @Test
    void missingReferencesAreFilledNeverNull() {
        // decoding entered at a non-IDR picture: nothing to reference at all, then one picture for every entry
        assertEquals("L0 grey grey", p(5, 10, 2, SLIDING));
        assertEquals("L0 10 10 10", p(6, 12, 3, SLIDING, new int[] {0, 7}));
        // both references precede: equal initial lists, so list 1 is swapped
        assertEquals("L0 12 10 L1 10 12", b(7, 14, 0, 2, 2));
    }

    @Test
    void outputFollowsPocWithinTheReorderDepth() {
        idr();
        p(1, 6, 1, SLIDING);
        b(2, 2, 0, 1, 1);
        b(2, 4, 0, 1, 1);
        p(2, 12, 1, SLIDING);
        b(3, 8, 0, 1, 1);
        b(3, 10, 0, 1, 1);
        output.addAll(dpb.flush().stream().map(p -> (int) p.pts).toList());
        assertEquals(List.of(0, 2, 4, 6, 8, 10, 12), output);
    }

    @Test
    void gapsInFrameNumAreToleratedWithTheReferencesThatExist() {
        idr();
        p(1, 2, 1, SLIDING);
        // frame_num jumps from 1 to 6 (a lost or dropped run of pictures): no non-existing frames are made up
        assertEquals("L0 2 0 2", p(6, 12, 3, SLIDING));
        assertEquals("L0 12 2 0", p(7, 14, 3, SLIDING));
    }
}
