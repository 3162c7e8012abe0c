package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.diva.transcode.probe.MediaFormatException;
import org.junit.jupiter.api.Test;

/** Hostile slice headers and random slice data end in MediaFormatException, never in a hang or another exception. */
class CabacBadInputTest {

    private static SliceContext context(int sliceType, int qp, int initIdc, int widthMbs, int heightMbs) {
        AvcPicture pic = new AvcPicture(widthMbs, heightMbs);
        SliceHeader h = new SliceHeader(0, sliceType, 0, 3, false, 0, 0, 0, 0, 0, 0, true, new int[] {4, 2},
                List.of(List.of(), List.of()), Optional.empty(), Optional.empty(), initIdc, qp, 0, 0, 0);
        Sps sps = new Sps(0, 100, 40, new int[6][16], new int[2][64], false, 4, 2, 4, false, 0, 0, new int[0], 4,
                false, widthMbs, heightMbs, true, 0, 0, 0, 0, 0, 4);
        Pps pps = new Pps(0, 0, true, false, 4, 2, false, 0, 26, 0, 0, false, false, false, true, new int[6][16],
                new int[2][64]);
        pic.slices.add(h);
        return new SliceContext(sps, pps, h, pic, new AvcPicture[2][0], 0);
    }

    @Test
    void absurdHeaderFieldsAreRefused() {
        byte[] data = new byte[64];
        assertThrows(MediaFormatException.class, () -> new CabacReader(context(SliceHeader.I, 60, 0, 2, 2), data, 0));
        assertThrows(MediaFormatException.class, () -> new CabacReader(context(SliceHeader.P, 26, 3, 2, 2), data, 0));
        assertThrows(MediaFormatException.class,
                () -> new CabacReader(context(SliceHeader.P, 26, 0, 2, 2), data, 8 * 63));
    }

    @Test
    void randomSliceDataEndsOrFailsCleanly() throws Exception {
        Random random = new Random(1);
        int failures = 0;
        for (int round = 0; round < 300; round++) {
            byte[] data = new byte[1 + random.nextInt(400)];
            random.nextBytes(data);
            data[0] &= 0x7f; // a legal first codIOffset
            SliceContext ctx = context(round % 3, random.nextInt(52), random.nextInt(3), 4, 3);
            Macroblock mb = new Macroblock();
            try {
                CabacReader reader = new CabacReader(ctx, data, 0);
                int addr = 0;
                do {
                    if (addr == ctx.picture.mbs()) {
                        break; // the slice loop refuses this; the reader itself must simply not misbehave
                    }
                    mb.reset(addr, ctx.widthMbs);
                    ctx.picture.sliceId[addr] = 0;
                    reader.read(mb);
                    java.util.Arrays.fill(mb.luma, 0);
                    java.util.Arrays.fill(mb.chroma, 0);
                    addr++;
                } while (reader.hasMore());
            } catch (MediaFormatException e) {
                failures++;
                assertTrue(e.getMessage().startsWith("H.264"), e.getMessage());
            }
        }
        assertTrue(failures > 0, "random data is mostly refused");
    }
}
