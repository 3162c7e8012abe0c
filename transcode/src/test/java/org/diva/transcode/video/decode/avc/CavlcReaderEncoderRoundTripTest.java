package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.h264.H264Encoder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streams from DiVA's own encoder (CAVLC, Intra16x16 / P_L0_16x16 / P_Skip, fixed QP) parse back to what it writes:
 * only those macroblock types, the fixed QP everywhere, a cbp that flags exactly the blocks with levels (the encoder
 * derives cbp from its levels), every slice to its end; and ffmpeg reports the same types and QPs.
 */
class CavlcReaderEncoderRoundTripTest {
    private static final int W = 176;
    private static final int H = 144;

    @ParameterizedTest
    @ValueSource(ints = {12, 24, 40})
    void encoderOutputParsesBackToWhatItWrote(int qp, @TempDir Path tmp) throws Exception {
        H264Encoder encoder = H264Encoder.create(new EncoderSettings(W, H, 25, 400_000, 5)).withFixedQp(qp);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 8; i++) {
            ByteBuffer au = encoder.encode(frame(i)).data();
            byte[] bytes = new byte[au.remaining()];
            au.get(bytes);
            stream.write(bytes);
        }
        byte[] annexB = stream.toByteArray();
        List<JcodecHeaders.Slice> slices = JcodecHeaders.slices(annexB);
        CavlcSlices.Parsed parsed = CavlcSlices.parse(slices);
        assertEquals(8, parsed.grids().size());
        int[] c = parsed.kindCounts();
        assertTrue(c[2] > 0, "Intra16x16 macroblocks");
        assertEquals(0, c[0] + c[1] + c[3] + c[5] + c[6] + c[7] + c[8], "types the encoder never writes");
        assertEquals(0, c[9], "coded_block_pattern bits without levels");
        for (String grid : parsed.grids()) {
            for (String row : grid.split("\n")) {
                for (int i = 0; i < row.length(); i += 4) {
                    assertEquals(qp, Integer.parseInt(row.substring(i, i + 2).trim()), "QP in " + grid);
                    String cell = row.substring(i + 2, i + 4);
                    assertTrue(cell.equals("I ") || cell.equals("S ") || cell.equals("> "), "type " + cell);
                }
            }
        }
        Path file = tmp.resolve("ours.264");
        Files.write(file, annexB);
        CavlcReaderFixtureTest.assertMatchesFfmpeg(file, parsed.grids());
    }

    /** A textured picture that moves two pixels per frame, with a brightness ramp so residuals stay non-trivial. */
    private static Frame frame(int n) {
        byte[] y = new byte[W * H];
        byte[] u = new byte[W * H / 4];
        byte[] v = new byte[W * H / 4];
        for (int j = 0; j < H; j++) {
            for (int i = 0; i < W; i++) {
                int x = i + 2 * n;
                int t = ((x * 7) ^ (j * 13)) & 63;
                y[j * W + i] = (byte) (40 + t + ((x / 16 + j / 16) & 1) * 100 + n);
            }
        }
        for (int j = 0; j < H / 2; j++) {
            for (int i = 0; i < W / 2; i++) {
                u[j * W / 2 + i] = (byte) (128 + ((i + n) & 31) - 16);
                v[j * W / 2 + i] = (byte) (128 + ((j * 3) & 31) - 16);
            }
        }
        return new Frame(W, H, y, u, v, n * 3600L);
    }
}
