package org.diva.transcode.video.scale;

import java.util.Random;
import org.diva.transcode.video.Frame;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.scale.LanczosResampler;

/**
 * How long a 1080p to 720p frame takes with our {@link Scaler}, against JCodec's Lanczos resampler (the anchor) in
 * the same run. Run from transcode/ with the test classpath:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.diva.transcode.video.scale.ScalerBench}.
 */
public final class ScalerBench {
    private static final int ROUNDS = 60;

    private ScalerBench() {
    }

    public static void main(String[] args) {
        Random random = new Random(1);
        Frame frame = Frame.black(1920, 1080, 0);
        random.nextBytes(frame.y());
        Scaler scaler = new Scaler(1920, 1080, 1280, 720);
        Picture src = Picture.create(1920, 1080, ColorSpace.YUV420J);
        Picture dst = Picture.create(1280, 720, ColorSpace.YUV420J);
        LanczosResampler lanczos = new LanczosResampler(new Size(1920, 1080), new Size(1280, 720));
        double ours = 0;
        double anchor = 0;
        for (int pass = 0; pass < 3; pass++) { // the first passes warm the JIT up
            long t0 = System.nanoTime();
            for (int i = 0; i < ROUNDS; i++) {
                scaler.scale(frame);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < ROUNDS / 6; i++) {
                lanczos.resample(src, dst);
            }
            long t2 = System.nanoTime();
            ours = (t1 - t0) / 1e6 / ROUNDS;
            anchor = (t2 - t1) / 1e6 / (ROUNDS / 6);
        }
        System.out.printf("1080p->720p per frame: Scaler %.2f ms, JCodec Lanczos %.2f ms, ratio %.1fx%n", ours, anchor,
                anchor / ours);
    }
}
