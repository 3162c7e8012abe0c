package org.diva.transcode.video.decode.avc;

/**
 * mb_type and sub_mb_type of CABAC slices: the binarisations of 14496-10 9.3.2.5 (Tables 9-36, 9-37, 9-38) decoded
 * bin by bin with the ctxIdx assignments of Table 9-39. Each method returns the syntax element's number as the
 * mb_type tables (7-11, 7-13, 7-14) and sub_mb_type tables (7-17, 7-18) count it.
 */
final class CabacMbType {
    private CabacMbType() {
    }

    /** I-slice mb_type (ctxIdxOffset 3); bin 0's ctxIdxInc counts neighbours that are available and not I_NxN. */
    static int intraI(CabacEngine e, AvcPicture pic, int a, int b) {
        int inc = (a >= 0 && !iNxN(pic.kind[a]) ? 1 : 0) + (b >= 0 && !iNxN(pic.kind[b]) ? 1 : 0);
        if (e.decision(3 + inc) == 0) {
            return 0;
        }
        if (e.terminate() != 0) {
            return 25;
        }
        int type = 1 + 12 * e.decision(3 + 3);
        if (e.decision(3 + 4) != 0) {
            type += 4 + 4 * e.decision(3 + 5);
        }
        type += 2 * e.decision(3 + 6);
        return type + e.decision(3 + 7);
    }

    /**
     * The intra suffix of P (ctxIdxOffset 17) and B (32) mb_types, as an I-slice mb_type 0..25: the same bins as
     * {@link #intraI} but with fixed contexts (prefix bin 0 = offset + 0, chroma bins share offset + 2, both
     * prediction-mode bins offset + 3).
     */
    static int intraSuffix(CabacEngine e, int offset) {
        if (e.decision(offset) == 0) {
            return 0;
        }
        if (e.terminate() != 0) {
            return 25;
        }
        int type = 1 + 12 * e.decision(offset + 1);
        if (e.decision(offset + 2) != 0) {
            type += 4 + 4 * e.decision(offset + 2);
        }
        type += 2 * e.decision(offset + 3);
        return type + e.decision(offset + 3);
    }

    /** P-slice mb_type prefix (ctxIdxOffset 14): 0..3, or 5 meaning "intra, read the suffix". */
    static int p(CabacEngine e) {
        if (e.decision(14) != 0) {
            return 5;
        }
        if (e.decision(15) == 0) {
            return e.decision(16) == 0 ? 0 : 3;
        }
        return e.decision(17) != 0 ? 1 : 2;
    }

    /**
     * B-slice mb_type prefix (ctxIdxOffset 27): 0..22, or 23 meaning "intra, read the suffix". Bin 0's ctxIdxInc
     * counts neighbours that are available and neither B_Skip nor B_Direct_16x16.
     */
    static int b(CabacEngine e, AvcPicture pic, int a, int b) {
        int inc = (a >= 0 && (pic.kind[a] & MbKind.DIRECT16X16) == 0 ? 1 : 0)
                + (b >= 0 && (pic.kind[b] & MbKind.DIRECT16X16) == 0 ? 1 : 0);
        if (e.decision(27 + inc) == 0) {
            return 0;
        }
        if (e.decision(27 + 3) == 0) {
            return 1 + e.decision(27 + 5);
        }
        int bits = e.decision(27 + 4) << 3;
        bits |= e.decision(27 + 5) << 2;
        bits |= e.decision(27 + 5) << 1;
        bits |= e.decision(27 + 5);
        if (bits < 8) {
            return bits + 3;
        }
        if (bits == 13) {
            return 23;
        }
        if (bits == 14) {
            return 11;
        }
        if (bits == 15) {
            return 22;
        }
        return (bits << 1 | e.decision(27 + 5)) - 4;
    }

    /** P sub_mb_type (ctxIdxOffset 21). */
    static int subP(CabacEngine e) {
        if (e.decision(21) != 0) {
            return 0;
        }
        if (e.decision(22) == 0) {
            return 1;
        }
        return e.decision(23) != 0 ? 2 : 3;
    }

    /** B sub_mb_type (ctxIdxOffset 36). */
    static int subB(CabacEngine e) {
        if (e.decision(36) == 0) {
            return 0;
        }
        if (e.decision(37) == 0) {
            return 1 + e.decision(39);
        }
        if (e.decision(38) != 0) {
            if (e.decision(39) != 0) {
                return 11 + e.decision(39);
            }
            int v = e.decision(39) << 1;
            return 7 + (v | e.decision(39));
        }
        int v = e.decision(39) << 1;
        return 3 + (v | e.decision(39));
    }

    private static boolean iNxN(int kind) {
        return (kind & (MbKind.I4X4 | MbKind.I8X8)) != 0;
    }
}
