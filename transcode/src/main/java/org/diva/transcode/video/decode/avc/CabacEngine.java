package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;

/**
 * The CABAC arithmetic decoding engine (14496-10 9.3.1.2 initialisation, 9.3.3.2 DecodeDecision, DecodeBypass,
 * DecodeTerminate) with the context variables of one slice (9.3.1.1).
 *
 * <p>It keeps the standard's 9-bit formulation: codIRange in 256..510 and codIOffset below it, renormalising by
 * shifting bits in one at a time as the standard does, but a whole LPS renormalisation in one step (the shift is
 * the number of leading zeros of the new range). Because the offset holds exactly the bits the standard has read,
 * {@link #bitPosition()} is the standard's bitstream pointer: after a terminate bin equal to 1 it stands right
 * after the encoder's flush (9.3.4.5), i.e. after rbsp_stop_one_bit or before pcm_alignment_zero_bit.
 *
 * <p>Context states are bytes {@code pStateIdx << 1 | valMPS}; transitions are table look-ups. Reading past the end
 * of the RBSP yields zero bits and sets {@link #overrun()} instead of throwing in the hot path; the reader checks it
 * once per macroblock.
 */
final class CabacEngine {
    private static final int[] RANGE_LPS = CabacTables.RANGE_LPS;
    private static final byte[] NEXT_MPS = CabacTables.NEXT_MPS;
    private static final byte[] NEXT_LPS = CabacTables.NEXT_LPS;

    private final byte[] data;
    private final int lengthBits;
    private final byte[] states = new byte[CabacTables.CONTEXTS];
    private int pos;
    private int range;
    private int offset;
    private boolean overrun;

    /** @param data the slice's RBSP; decoding starts at byte {@code startByte}. */
    CabacEngine(byte[] data, int startByte) throws MediaFormatException {
        this.data = data;
        this.lengthBits = 8 * data.length;
        start(startByte);
    }

    /** 9.3.1.1: every context from (m, n) of the slice's table and SliceQPY. {@code initIdc} -1 for I slices. */
    void initContexts(int initIdc, int sliceQp) {
        if (initIdc < -1 || initIdc > 2) {
            throw new IllegalArgumentException("cabac_init_idc " + initIdc);
        }
        int[] m = CabacTables.M[initIdc + 1];
        int[] n = CabacTables.N[initIdc + 1];
        int qp = Math.max(0, Math.min(51, sliceQp));
        for (int i = 0; i < CabacTables.CONTEXTS; i++) {
            int pre = Math.max(1, Math.min(126, ((m[i] * qp) >> 4) + n[i]));
            states[i] = (byte) (pre <= 63 ? (63 - pre) << 1 : (pre - 64) << 1 | 1);
        }
    }

    /** 9.3.1.2: (re)starts the engine at a byte position (slice data start, or after I_PCM samples). */
    void start(int startByte) throws MediaFormatException {
        if (startByte < 0 || 8L * startByte + 9 > lengthBits) {
            throw new MediaFormatException("H.264 CABAC data starts at byte " + startByte + " of a "
                    + (lengthBits / 8) + "-byte slice: nothing to decode");
        }
        pos = 8 * startByte;
        range = 510;
        offset = bits(9);
        if (offset >= 510) {
            // 9.3.1.2: codIOffset 510 and 511 are not allowed in a conforming bitstream.
            throw new MediaFormatException("H.264 CABAC offset " + offset + " at byte " + startByte + " is invalid");
        }
    }

    /** DecodeDecision (9.3.3.2.1) for context {@code ctx}. */
    int decision(int ctx) {
        int s = states[ctx];
        int lps = RANGE_LPS[(s & 0x7e) << 1 | (range >> 6) & 3];
        int r = range - lps;
        if (offset < r) {
            states[ctx] = NEXT_MPS[s];
            if (r < 256) {
                // After an MPS the range is at least 256 - 2, so one shift renormalises.
                r <<= 1;
                offset = offset << 1 | bit();
            }
            range = r;
            return s & 1;
        }
        offset -= r;
        states[ctx] = NEXT_LPS[s];
        int shift = Integer.numberOfLeadingZeros(lps) - 23;
        range = lps << shift;
        offset = offset << shift | bits(shift);
        return (s & 1) ^ 1;
    }

    /** DecodeBypass (9.3.3.2.3). */
    int bypass() {
        offset = offset << 1 | bit();
        if (offset >= range) {
            offset -= range;
            return 1;
        }
        return 0;
    }

    /** DecodeTerminate (9.3.3.2.2.3): end_of_slice_flag and the I_PCM bin of mb_type. */
    int terminate() {
        range -= 2;
        if (offset >= range) {
            return 1;
        }
        if (range < 256) {
            range <<= 1;
            offset = offset << 1 | bit();
        }
        return 0;
    }

    /** The standard's bitstream pointer: bits of the RBSP consumed so far. */
    int bitPosition() {
        return pos;
    }

    /** Whether the engine has read beyond the end of the RBSP (a truncated or corrupt slice). */
    boolean overrun() {
        return overrun;
    }

    byte[] data() {
        return data;
    }

    /** Context state {@code pStateIdx << 1 | valMPS}, for tests. */
    int state(int ctx) {
        return states[ctx];
    }

    private int bit() {
        int p = pos;
        if (p >= lengthBits) {
            overrun = true;
            return 0;
        }
        pos = p + 1;
        return (data[p >>> 3] >> (7 - (p & 7))) & 1;
    }

    /** n in 1..9 bits, most significant first. */
    private int bits(int n) {
        int p = pos;
        if (p + n > lengthBits) {
            int v = 0;
            for (int i = 0; i < n; i++) {
                v = v << 1 | bit();
            }
            return v;
        }
        int i = p >>> 3;
        int w = (data[i] & 0xff) << 16 | (i + 1 < data.length ? (data[i + 1] & 0xff) << 8 : 0)
                | (i + 2 < data.length ? data[i + 2] & 0xff : 0);
        pos = p + n;
        return (w >>> (24 - (p & 7) - n)) & ((1 << n) - 1);
    }
}
