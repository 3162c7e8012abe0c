package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.diva.transcode.probe.MediaFormatException;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic decoder against hand-computed values of 9.3.1 and against the standard's own encoder (9.3.4.2,
 * written out below from the standard's flowcharts): whatever bins the encoder writes, the decoder must read back,
 * and after the terminating bin it must stand exactly at the end of what the encoder flushed.
 */
class CabacEngineTest {

    @Test
    void contextInitFollowsTheStandardsFormula() throws Exception {
        CabacEngine e = new CabacEngine(new byte[8], 0);
        e.initContexts(-1, 26);
        // ctxIdx 3 in I slices: (m, n) = (20, -15); preCtxState = ((20 * 26) >> 4) - 15 = 17 -> pStateIdx 46, MPS 0.
        assertEquals(46 << 1, e.state(3));
        // ctxIdx 60 (mb_qp_delta): (0, 41) -> 41 -> pStateIdx 22, MPS 0.
        assertEquals(22 << 1, e.state(60));
        e.initContexts(-1, 0);
        // ctxIdx 402 in I slices: (-17, 120) at QP 0 -> 120 -> pStateIdx 56, MPS 1.
        assertEquals(56 << 1 | 1, e.state(402));
        e.initContexts(0, 51);
        // ctxIdx 11 (P mb_skip_flag, cabac_init_idc 0): (23, 33) at QP 51 -> (1173 >> 4) + 33 = 106 -> 42, MPS 1.
        assertEquals(42 << 1 | 1, e.state(11));
    }

    @Test
    void handComputedDecisionsBypassAndTerminate() throws Exception {
        // 9 bits 1111 1110 0 -> codIOffset 508, codIRange 510.
        CabacEngine e = new CabacEngine(new byte[] {(byte) 0xFE, 0, 0, 0}, 0);
        e.initContexts(-1, 26);
        // ctxIdx 3: pStateIdx 46, qCodIRangeIdx (510 >> 6) & 3 = 3, rangeTabLPS[46][3] = 22 (Table 9-44):
        // codIRange 488 <= 508 -> LPS, bin 1 (not MPS 0), offset 20, range 22 renormalised by 4 bits -> 352.
        assertEquals(1, e.decision(3));
        assertEquals(9 + 4, e.bitPosition());
        // transIdxLPS[46] = 32 (Table 9-45), MPS stays 0.
        assertEquals(32 << 1, e.state(3));
        // Offset 20 << 4 = 320 < 352: a bypass bin shifts in 0 -> 640 >= 352 -> 1, offset 288.
        assertEquals(1, e.bypass());
        // A second one: 576 >= 352 -> 1, offset 224.
        assertEquals(1, e.bypass());
        // A third: 448 >= 352 -> 1, offset 96; a fourth: 192 < 352 -> 0.
        assertEquals(1, e.bypass());
        assertEquals(0, e.bypass());
        // Terminate: range 350, offset 192 < 350 -> 0, no renormalisation needed.
        assertEquals(0, e.terminate());
        assertEquals(17, e.bitPosition());
    }

    @Test
    void offsetsTheStandardForbidsAreRejected() {
        assertThrows(MediaFormatException.class, () -> new CabacEngine(new byte[] {(byte) 0xFF, (byte) 0xFF}, 0));
        assertThrows(MediaFormatException.class, () -> new CabacEngine(new byte[] {0}, 0));
    }

    @Test
    void readsBackWhatTheStandardsEncoderWrote() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(4000);
            int[] kind = new int[n];
            int[] ctx = new int[n];
            int[] bins = new int[n];
            int qp = random.nextInt(52);
            int idc = random.nextInt(4) - 1;
            CabacEngine reference = new CabacEngine(new byte[8], 0);
            reference.initContexts(idc, qp);
            Encoder enc = new Encoder(reference);
            double bias = random.nextDouble();
            for (int i = 0; i < n; i++) {
                kind[i] = random.nextInt(10) == 0 ? 1 : random.nextInt(50) == 0 ? 2 : 0;
                ctx[i] = random.nextInt(CabacTables.CONTEXTS);
                bins[i] = kind[i] == 2 ? 0 : random.nextDouble() < bias ? 1 : 0;
                switch (kind[i]) {
                    case 0 -> enc.decision(ctx[i], bins[i]);
                    case 1 -> enc.bypass(bins[i]);
                    default -> enc.terminate(0);
                }
            }
            enc.terminate(1);
            byte[] data = enc.bytes();
            CabacEngine e = new CabacEngine(data, 0);
            e.initContexts(idc, qp);
            int[] got = new int[n];
            for (int i = 0; i < n; i++) {
                got[i] = switch (kind[i]) {
                    case 0 -> e.decision(ctx[i]);
                    case 1 -> e.bypass();
                    default -> e.terminate();
                };
            }
            assertArrayEquals(bins, got, "round " + round);
            assertEquals(1, e.terminate());
            assertEquals(enc.bits, e.bitPosition(), "the engine stops where the encoder's flush ended");
            assertTrue(!e.overrun());
        }
    }

    /** The encoder of 14496-10 9.3.4 (EncodeDecision, EncodeBypass, EncodeTerminate, EncodeFlush, RenormE, PutBit). */
    static final class Encoder {
        private final int[] state = new int[CabacTables.CONTEXTS];
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int low;
        private int range = 510;
        private boolean firstBit = true;
        private int outstanding;
        private int current;
        int bits;

        /** After a terminating bin of 1: pcm_alignment_zero_bits, raw bytes, and the engine restarts (9.3.1.2). */
        void raw(byte[] bytes) {
            while ((bits & 7) != 0) {
                write(0);
            }
            for (byte b : bytes) {
                for (int i = 7; i >= 0; i--) {
                    write(b >> i & 1);
                }
            }
            low = 0;
            range = 510;
            firstBit = true;
            outstanding = 0;
        }

        Encoder(CabacEngine initialised) {
            for (int i = 0; i < state.length; i++) {
                state[i] = initialised.state(i);
            }
        }

        void decision(int ctx, int bin) {
            int p = state[ctx] >> 1;
            int mps = state[ctx] & 1;
            int lps = CabacTables.RANGE_LPS[p << 2 | (range >> 6) & 3];
            range -= lps;
            if (bin != mps) {
                low += range;
                range = lps;
                state[ctx] = CabacTables.NEXT_LPS[state[ctx]];
            } else {
                state[ctx] = CabacTables.NEXT_MPS[state[ctx]];
            }
            renorm();
        }

        void bypass(int bin) {
            low <<= 1;
            if (bin != 0) {
                low += range;
            }
            if (low >= 1024) {
                putBit(1);
                low -= 1024;
            } else if (low < 512) {
                putBit(0);
            } else {
                low -= 512;
                outstanding++;
            }
        }

        void terminate(int bin) {
            range -= 2;
            if (bin != 0) {
                low += range;
                range = 2;
                renorm();
                putBit(low >> 9 & 1);
                write(low >> 8 & 1);
                write(1);
            } else {
                renorm();
            }
        }

        private void renorm() {
            while (range < 256) {
                if (low < 256) {
                    putBit(0);
                } else if (low >= 512) {
                    low -= 512;
                    putBit(1);
                } else {
                    low -= 256;
                    outstanding++;
                }
                range <<= 1;
                low <<= 1;
            }
        }

        private void putBit(int b) {
            if (firstBit) {
                firstBit = false;
            } else {
                write(b);
            }
            for (; outstanding > 0; outstanding--) {
                write(1 - b);
            }
        }

        private void write(int b) {
            current = current << 1 | b;
            bits++;
            if ((bits & 7) == 0) {
                out.write(current);
                current = 0;
            }
        }

        byte[] bytes() {
            int pad = (8 - (bits & 7)) & 7;
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            if (pad != 0) {
                copy.write(current << pad);
            }
            return copy.toByteArray();
        }
    }
}
