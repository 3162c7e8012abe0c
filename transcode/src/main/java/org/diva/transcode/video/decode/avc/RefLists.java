package org.diva.transcode.video.decode.avc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reference picture lists of a frame slice (14496-10 8.2.4): initialisation (8.2.4.2.1 for P, 8.2.4.2.3 for B) and
 * ref_pic_list_modification (8.2.4.3).
 *
 * <p>P: short-term references by descending PicNum, then long-term ones by ascending LongTermPicNum. B list 0: the
 * short-term references before the current picture in output order (descending POC), then those after it (ascending
 * POC), then long-term; list 1 the same with "after" first; when list 1 has more than one entry and equals list 0,
 * its first two entries are swapped. The initial list is cut to num_ref_idx_active; modification then moves the named
 * pictures to the front, one index at a time. Entries that remain empty, or that name a picture the buffer lacks (a
 * stream entered at a non-IDR picture), get the available reference nearest in POC, so a list never holds null.
 */
final class RefLists {
    private RefLists() {
    }

    static AvcPicture[][] build(List<AvcPicture> stored, AvcPicture current, SliceHeader slice, Sps sps,
                                AvcPicture missing) {
        int maxFrameNum = 1 << sps.log2MaxFrameNum();
        List<AvcPicture> shortTerm = new ArrayList<>();
        List<AvcPicture> longTerm = new ArrayList<>();
        for (AvcPicture p : stored) {
            if (p == current || p.widthMbs != current.widthMbs || p.heightMbs != current.heightMbs) {
                continue; // a picture of another size cannot be a reference (only a broken stream mixes them)
            }
            if (p.reference == AvcPicture.SHORT_TERM) {
                p.frameNumWrap = RefMarker.wrap(p.frameNum, current.frameNum, maxFrameNum);
                shortTerm.add(p);
            } else if (p.reference == AvcPicture.LONG_TERM) {
                longTerm.add(p);
            }
        }
        longTerm.sort(Comparator.comparingInt(p -> p.longTermFrameIdx));
        AvcPicture nearest = nearest(shortTerm, longTerm, current, missing);
        AvcPicture[][] lists = new AvcPicture[2][];
        if (slice.isI()) {
            lists[0] = new AvcPicture[0];
            lists[1] = new AvcPicture[0];
            return lists;
        }
        List<AvcPicture> init0 = new ArrayList<>();
        List<AvcPicture> init1 = new ArrayList<>();
        if (slice.isB()) {
            List<AvcPicture> before = new ArrayList<>();
            List<AvcPicture> after = new ArrayList<>();
            for (AvcPicture p : shortTerm) {
                (p.poc < current.poc ? before : after).add(p);
            }
            before.sort(Comparator.comparingInt((AvcPicture p) -> p.poc).reversed());
            after.sort(Comparator.comparingInt(p -> p.poc));
            init0.addAll(before);
            init0.addAll(after);
            init0.addAll(longTerm);
            init1.addAll(after);
            init1.addAll(before);
            init1.addAll(longTerm);
            if (init1.size() > 1 && init1.equals(init0)) {
                init1.set(0, init0.get(1));
                init1.set(1, init0.get(0));
            }
        } else {
            shortTerm.sort(Comparator.comparingInt((AvcPicture p) -> p.frameNumWrap).reversed());
            init0.addAll(shortTerm);
            init0.addAll(longTerm);
        }
        lists[0] = modified(init0, slice.numRefIdxActive()[0], slice.modifications().get(0), shortTerm, longTerm,
                current.frameNum, maxFrameNum, nearest);
        lists[1] = modified(init1, slice.isB() ? slice.numRefIdxActive()[1] : 0, slice.modifications().get(1),
                shortTerm, longTerm, current.frameNum, maxFrameNum, nearest);
        return lists;
    }

    /** 8.2.4.3.1 and 8.2.4.3.2 on a list one entry longer than the active size, as the standard describes it. */
    private static AvcPicture[] modified(List<AvcPicture> init, int active, List<int[]> ops, List<AvcPicture> shortTerm,
                                         List<AvcPicture> longTerm, int currPicNum, int maxPicNum,
                                         AvcPicture nearest) {
        AvcPicture[] list = new AvcPicture[active + 1];
        for (int i = 0; i < active && i < init.size(); i++) {
            list[i] = init.get(i);
        }
        int picNumPred = currPicNum;
        int refIdx = 0;
        for (int[] op : ops) {
            AvcPicture target;
            if (op[0] == 2) {
                target = find(longTerm, p -> p.longTermFrameIdx == op[1]);
            } else {
                int delta = op[1] + 1;
                int noWrap = op[0] == 0 ? picNumPred - delta : picNumPred + delta;
                noWrap = noWrap < 0 ? noWrap + maxPicNum : noWrap >= maxPicNum ? noWrap - maxPicNum : noWrap;
                picNumPred = noWrap;
                int picNum = noWrap > currPicNum ? noWrap - maxPicNum : noWrap;
                target = find(shortTerm, p -> p.frameNumWrap == picNum);
            }
            if (target == null) {
                target = nearest;
            }
            System.arraycopy(list, refIdx, list, refIdx + 1, active - refIdx);
            list[refIdx++] = target;
            int n = refIdx;
            for (int c = refIdx; c <= active; c++) {
                if (list[c] != target) {
                    list[n++] = list[c];
                }
            }
            for (; n <= active; n++) {
                list[n] = null;
            }
        }
        AvcPicture[] out = new AvcPicture[active];
        for (int i = 0; i < active; i++) {
            out[i] = list[i] != null ? list[i] : nearest;
        }
        return out;
    }

    private interface Match {
        boolean test(AvcPicture p);
    }

    private static AvcPicture find(List<AvcPicture> pictures, Match match) {
        for (AvcPicture p : pictures) {
            if (match.test(p)) {
                return p;
            }
        }
        return null;
    }

    /** The reference nearest to the current picture in output order (latest decoded on a tie), else {@code missing}. */
    private static AvcPicture nearest(List<AvcPicture> shortTerm, List<AvcPicture> longTerm, AvcPicture current,
                                      AvcPicture missing) {
        AvcPicture best = null;
        for (List<AvcPicture> group : List.of(shortTerm, longTerm)) {
            for (AvcPicture p : group) {
                long d = Math.abs((long) p.poc - current.poc);
                long bestD = best == null ? Long.MAX_VALUE : Math.abs((long) best.poc - current.poc);
                if (d < bestD || (d == bestD && p.id > best.id)) {
                    best = p;
                }
            }
        }
        return best != null ? best : missing;
    }
}
