package org.diva.transcode.video.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.Psnr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScalerTest {
    @TempDir
    Path dir;

    /** Our scaler against swscale's bilinear on the same 4:2:0 picture, plane by plane. */
    @ParameterizedTest
    @CsvSource({"1920, 1080, 1280, 720", "640, 360, 320, 180", "720, 576, 1024, 576", "1280, 720, 854, 480"})
    void matchesFfmpegBilinear(int sw, int sh, int dw, int dh) throws IOException {
        Ffmpeg.assumeInstalled();
        Path src = dir.resolve("src.yuv");
        Path ref = dir.resolve("ref.yuv");
        String pattern = "testsrc2=size=" + sw + "x" + sh + ":rate=25";
        Ffmpeg.ffmpeg("-f", "lavfi", "-i", pattern, "-frames:v", "1", "-pix_fmt", "yuv420p", "-f", "rawvideo",
                src.toString());
        Ffmpeg.ffmpeg("-f", "lavfi", "-i", pattern, "-frames:v", "1", "-vf", "scale=" + dw + ":" + dh
                + ":flags=bilinear", "-pix_fmt", "yuv420p", "-f", "rawvideo", ref.toString());
        Frame scaled = new Scaler(sw, sh, dw, dh).scale(frame(Files.readAllBytes(src), sw, sh));
        byte[] expected = Files.readAllBytes(ref);
        int luma = dw * dh;
        int chroma = luma / 4;
        double y = Psnr.of(scaled.y(), 0, expected, 0, luma);
        double u = Psnr.of(scaled.u(), 0, expected, luma, chroma);
        double v = Psnr.of(scaled.v(), 0, expected, luma + chroma, chroma);
        assertTrue(y >= 35 && u >= 35 && v >= 35, "PSNR Y " + y + " U " + u + " V " + v);
    }

    @Test
    void flatStaysFlatAndTimeIsKept() {
        Frame grey = Frame.black(1920, 1080, 1234);
        Frame out = new Scaler(1920, 1080, 1280, 720).scale(grey);
        assertEquals(1234, out.pts());
        assertTrue(allEqual(out.y(), 16) && allEqual(out.u(), 128) && allEqual(out.v(), 128));
    }

    @Test
    void sameSizeIsTheFrameItself() {
        Frame f = Frame.black(320, 180, 0);
        assertSame(f, new Scaler(320, 180, 320, 180).scale(f));
    }

    @Test
    void refusesOtherSizesAndOddTargets() {
        assertThrows(IllegalArgumentException.class, () -> new Scaler(640, 360, 321, 180));
        assertThrows(IllegalArgumentException.class, () -> new Scaler(640, 360, 320, 180)
                .scale(Frame.black(320, 180, 0)));
    }

    private static boolean allEqual(byte[] plane, int value) {
        for (byte b : plane) {
            if ((b & 0xff) != value) {
                return false;
            }
        }
        return true;
    }

    static Frame frame(byte[] yuv, int w, int h) {
        int luma = w * h;
        int chroma = luma / 4;
        return new Frame(w, h, Arrays.copyOfRange(yuv, 0, luma), Arrays.copyOfRange(yuv, luma, luma + chroma),
                Arrays.copyOfRange(yuv, luma + chroma, luma + 2 * chroma), 0);
    }
}
