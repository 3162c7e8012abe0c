package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;

/**
 * The CABAC arithmetic decoding engine (14496-10 9.3.1.2 initialisation, 9.3.3.2 DecodeDecision, DecodeBypass,
 * DecodeTerminate) with the context variables of one slice (9.3.1.1).
 *
 * <p>It keeps the standard's 9-bit codIRange (256..510) but holds codIOffset scaled: {@code value} carries the
 * offset in its top bits followed by {@code pending} bits already fetched from the stream, so codIOffset is
 * {@code value >> pending}. Comparing with {@code range << pending} is then the standard's comparison, and
 * renormalising by n bits (RenormD reading n bits into the offset) is just {@code pending -= n}; a byte is fetched
 * whenever fewer than 8 bits are pending, so no bin reads the stream bit by bit. {@link #bitPosition()} is the
 * standard's bitstream pointer (bytes fetched minus bits pending): after a terminate bin equal to 1 it stands
 * right after the encoder's flush (9.3.4.5), i.e. after the final 1 bit written by the flush, before
 * pcm_alignment_zero_bit or the slice's trailing bits.
 *
 * <p>Context states are bytes {@code pStateIdx << 1 | valMPS}; transitions are table look-ups. Fetching past the
 * end of the RBSP yields zero bytes; {@link #overrun()} tells whether the decoder consumed any of them, which the
 * reader checks once per macroblock instead of throwing in the hot path.
 */
final class CabacEngine {
    private static final int[] RANGE_LPS = CabacTables.RANGE_LPS;
    private static final byte[] NEXT_MPS = CabacTables.NEXT_MPS;
    private static final byte[] NEXT_LPS = CabacTables.NEXT_LPS;

    private final byte[] data;
    private final int lengthBits;
    private final byte[] states = new byte[CabacTables.CONTEXTS];
    /** Next byte to fetch. */
    private int next;
    private int range;
    private int value;
    private int pending;

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
        next = startByte;
        range = 510;
        value = fetch() << 16 | fetch() << 8 | fetch();
        pending = 24 - 9;
        if (value >> pending >= 510) {
            // 9.3.1.2: codIOffset 510 and 511 are not allowed in a conforming bitstream.
            throw new MediaFormatException("H.264 CABAC offset " + (value >> pending) + " at byte " + startByte
                    + " is invalid");
        }
    }

    /** DecodeDecision (9.3.3.2.1) for context {@code ctx}. */
    int decision(int ctx) {
        int s = states[ctx];
        int lps = RANGE_LPS[(s & 0x7e) << 1 | (range >> 6) & 3];
        int r = range - lps;
        int scaled = r << pending;
        if (value < scaled) {
            states[ctx] = NEXT_MPS[s];
            if (r < 256) {
                // After an MPS the range is at least 256 - 2, so one shift renormalises.
                r <<= 1;
                if (--pending < 8) {
                    refill();
                }
            }
            range = r;
            return s & 1;
        }
        value -= scaled;
        states[ctx] = NEXT_LPS[s];
        int shift = Integer.numberOfLeadingZeros(lps) - 23;
        range = lps << shift;
        pending -= shift;
        if (pending < 8) {
            refill();
        }
        return (s & 1) ^ 1;
    }

    /** DecodeBypass (9.3.3.2.3). */
    int bypass() {
        int scaled = range << --pending;
        int bin = 0;
        if (value >= scaled) {
            value -= scaled;
            bin = 1;
        }
        if (pending < 8) {
            refill();
        }
        return bin;
    }

    /** DecodeTerminate (9.3.3.2.2.3): end_of_slice_flag and the I_PCM bin of mb_type. */
    int terminate() {
        range -= 2;
        if (value >= range << pending) {
            return 1;
        }
        if (range < 256) {
            range <<= 1;
            if (--pending < 8) {
                refill();
            }
        }
        return 0;
    }

    /** The standard's bitstream pointer: bits of the RBSP consumed so far. */
    int bitPosition() {
        return 8 * next - pending;
    }

    /** Whether the engine has consumed bits beyond the end of the RBSP (a truncated or corrupt slice). */
    boolean overrun() {
        return bitPosition() > lengthBits;
    }

    byte[] data() {
        return data;
    }

    /** Context state {@code pStateIdx << 1 | valMPS}, for tests. */
    int state(int ctx) {
        return states[ctx];
    }

    /** Fewer than 8 bits pending: fetch a byte. value stays below 2^(9 + 15) so it never overflows. */
    private void refill() {
        value = value << 8 | fetch();
        pending += 8;
    }

    private int fetch() {
        int i = next++;
        return i < data.length ? data[i] & 0xff : 0;
    }
}
