package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * x264 never writes I_PCM, so this slice is written bin by bin with the standard's encoder: an I_PCM macroblock
 * (mb_type prefix, terminate bin, alignment, 384 samples, engine restart) followed by an I_NxN one whose context
 * increments are worked out by hand from 9.3.3.1.1 with the I_PCM macroblock as neighbour A.
 */
class CabacPcmTest {

    @Test
    void pcmSamplesAlignmentAndEngineRestart() throws Exception {
        AvcPicture pic = new AvcPicture(2, 1);
        SliceHeader h = new SliceHeader(0, SliceHeader.I, 0, 3, true, 0, 0, 0, 0, 0, 0, false, new int[] {0, 0},
                List.of(List.of(), List.of()), Optional.empty(), Optional.empty(), 0, 26, 0, 0, 0);
        Sps sps = new Sps(0, 77, 30, new int[6][16], new int[2][64], false, 4, 2, 4, false, 0, 0, new int[0], 1,
                false, 2, 1, true, 0, 0, 0, 0, 0, 1);
        Pps pps = new Pps(0, 0, true, false, 1, 1, false, 0, 26, 0, 0, false, false, false, false, new int[6][16],
                new int[2][64]);
        pic.slices.add(h);
        SliceContext ctx = new SliceContext(sps, pps, h, pic, new AvcPicture[2][0], 0);

        CabacEngine init = new CabacEngine(new byte[8], 0);
        init.initContexts(-1, 26);
        CabacEngineTest.Encoder enc = new CabacEngineTest.Encoder(init);
        enc.decision(3, 1); // mb_type bin 0: not I_NxN (no neighbours: ctxIdxInc 0)
        enc.terminate(1); // I_PCM
        byte[] samples = new byte[384];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) (i * 7 + 3);
        }
        enc.raw(samples);
        enc.terminate(0); // end_of_slice_flag
        enc.decision(4, 0); // mb_type I_NxN; A is I_PCM (not I_NxN): ctxIdxInc 1
        for (int i = 0; i < 16; i++) {
            enc.decision(68, 1); // prev_intra4x4_pred_mode_flag
        }
        enc.decision(64, 0); // intra_chroma_pred_mode DC; A is I_PCM: condTerm 0
        // coded_block_pattern luma bins: A = I_PCM (coded: 0), B unavailable (0); inside the macroblock a clear bit
        // counts 1: b8 0 -> 0, b8 1 -> 1 (A own), b8 2 -> 2 (B own), b8 3 -> 3.
        enc.decision(73, 0);
        enc.decision(74, 0);
        enc.decision(75, 0);
        enc.decision(76, 0);
        enc.decision(77 + 1, 0); // chroma: A is I_PCM (counts as chroma 2)
        enc.terminate(1);
        byte[] rbsp = enc.bytes();

        CabacReader reader = new CabacReader(ctx, rbsp, 0);
        Macroblock mb = new Macroblock();
        mb.reset(0, 2);
        pic.sliceId[0] = 0;
        reader.read(mb);
        assertEquals(MbKind.INTRA | MbKind.PCM, mb.kind);
        for (int i = 0; i < 384; i++) {
            assertEquals(samples[i] & 0xff, mb.pcm[i], "sample " + i);
        }
        assertEquals(0, pic.qp[0]);
        assertTrue(reader.hasMore());
        mb.reset(1, 2);
        pic.sliceId[1] = 0;
        reader.read(mb);
        assertEquals(MbKind.INTRA | MbKind.I4X4, mb.kind);
        assertEquals(0, mb.cbp);
        assertEquals(26, pic.qp[1]);
        for (int i = 0; i < 16; i++) {
            assertEquals(2, mb.intraModes[i], "DC where the neighbours are not I_NxN or unavailable");
        }
        assertFalse(reader.hasMore());
        assertEquals(enc.bits, reader.bitPosition());
    }
}
