package org.diva.transcode.video.decode.avc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.jcodec.codecs.h264.decode.BlockInterpolator;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

/**
 * Motion compensation throughput of a 1080p P picture (one random quarter-sample vector per 16x16 macroblock, every
 * fraction equally likely), ours against the anchor JCodec 0.2.5's BlockInterpolator on the same vectors, luma and
 * both chroma planes. Not a unit test; run it as a command:
 * <pre>
 * mvn -B -o -q test-compile -pl transcode -am &amp;&amp; java -cp "transcode/target/test-classes:transcode/target/classes:$(ls ~/.m2/repository/org/jcodec/jcodec/0.2.5/jcodec-0.2.5.jar)" \
 *     org.diva.transcode.video.decode.avc.InterPredictorBenchmark
 * </pre>
 */
final class InterPredictorBenchmark {
    private static final int WMBS = 120;
    private static final int HMBS = 68;

    private InterPredictorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        AvcPicture ref = new AvcPicture(WMBS, HMBS);
        Random r = new Random(1);
        r.nextBytes(ref.y);
        r.nextBytes(ref.cb);
        r.nextBytes(ref.cr);
        ref.reference = AvcPicture.SHORT_TERM;
        AvcPicture cur = new AvcPicture(WMBS, HMBS);
        Sps sps = new Sps(0, 100, 40, new int[6][16], new int[2][64], false, 4, 0, 6, false, 0, 0, new int[0], 1,
                false, WMBS, HMBS, true, 0, 0, 0, 0, 0, 1);
        Pps pps = new Pps(0, 0, false, false, 1, 0, false, 0, 26, 0, 0, false, false, false, false,
                new int[6][16], new int[2][64]);
        SliceHeader sh = new SliceHeader(0, SliceHeader.P, 0, 1, false, 1, 0, 0, 0, 0, 0, true, new int[] {1, 0},
                java.util.List.of(java.util.List.of(), java.util.List.of()), Optional.empty(), Optional.empty(), 0,
                26, 0, 0, 0);
        InterPredictor ours = new InterPredictor(new SliceContext(sps, pps, sh, cur,
                new AvcPicture[][] {{ref}, {}}, 0));
        int mbs = WMBS * HMBS;
        for (int b = 0; b < 16 * mbs; b++) {
            cur.refIdx[1][b] = -1;
        }
        int[] mvs = new int[2 * mbs];
        for (int i = 0; i < mvs.length; i++) {
            mvs[i] = r.nextInt(129) - 64;
        }
        for (int a = 0; a < mbs; a++) {
            for (int by = 0; by < 4; by++) {
                for (int bx = 0; bx < 4; bx++) {
                    int b = cur.block4(a % WMBS, a / WMBS, bx, by);
                    cur.mv[0][2 * b] = (short) mvs[2 * a];
                    cur.mv[0][2 * b + 1] = (short) mvs[2 * a + 1];
                }
            }
        }
        // The same samples for the anchor (JCodec stores them minus 128): the filters' clipping is data dependent.
        byte[][] jdata = {new byte[ref.y.length], new byte[ref.cb.length], new byte[ref.cr.length]};
        byte[][] planes = {ref.y, ref.cb, ref.cr};
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < planes[p].length; i++) {
                jdata[p][i] = (byte) ((planes[p][i] & 0xFF) - 128);
            }
        }
        Picture jref = Picture.createPicture(16 * WMBS, 16 * HMBS, jdata, ColorSpace.YUV420J);
        Picture jout = Picture.create(16, 16, ColorSpace.YUV420J);
        BlockInterpolator jcodec = new BlockInterpolator();
        byte[] blk = new byte[64];
        Macroblock mb = new Macroblock();
        // Thread CPU time, not wall time: the build machine is shared, and the ratio is what we report.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int rounds = 20;
        double[] ratios = new double[rounds];
        double[] oursRate = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int a = 0; a < mbs; a++) {
                mb.reset(a, WMBS);
                ours.predict(mb);
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int a = 0; a < mbs; a++) {
                int x = 16 * (a % WMBS);
                int y = 16 * (a / WMBS);
                int mvx = mvs[2 * a];
                int mvy = mvs[2 * a + 1];
                jcodec.getBlockLuma(jref, jout, 0, 4 * x + mvx, 4 * y + mvy, 16, 16);
                BlockInterpolator.getBlockChroma(jdata[1], 8 * WMBS, 8 * HMBS, blk, 0, 8, 4 * x + mvx, 4 * y + mvy,
                        8, 8);
                BlockInterpolator.getBlockChroma(jdata[2], 8 * WMBS, 8 * HMBS, blk, 0, 8, 4 * x + mvx, 4 * y + mvy,
                        8, 8);
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            double oursMbs = mbs / ((t1 - t0) / 1e9);
            double theirs = mbs / ((t2 - t1) / 1e9);
            ratios[round] = oursMbs / theirs;
            oursRate[round] = oursMbs;
            System.out.printf("round %d: ours %.0f MB/s, JCodec %.0f MB/s, ratio %.2f%n", round, oursMbs, theirs,
                    oursMbs / theirs);
        }
        double[] last = Arrays.copyOfRange(ratios, rounds / 2, rounds);
        double[] lastRate = Arrays.copyOfRange(oursRate, rounds / 2, rounds);
        Arrays.sort(last);
        Arrays.sort(lastRate);
        System.out.printf("median of the warm rounds: ours %.0f macroblocks/s of CPU, ratio ours/JCodec %.2f%n",
                lastRate[lastRate.length / 2], last[last.length / 2]);
    }
}
