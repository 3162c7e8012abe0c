package org.diva.transcode.video.decode.avc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.diva.transcode.codec.AnnexB;
import org.diva.transcode.codec.Rbsp;

/**
 * CPU milliseconds per picture that {@link Deblocker} takes inside a real decode, where bS, coefficients and cache
 * state are those of real pictures (DeblockerBenchmark's synthetic picture is far busier than x264's output). It
 * repeats {@link AvcDecoder}'s access-unit loop so it can time the deblocking call alone; the anchor, printed beside
 * it, is the rest of the decode in the same run. A command, not a test:
 * {@code DeblockerRealBench FILE.264 [ROUNDS]} (classpath as for DeblockerBenchmark).
 */
public final class DeblockerRealBench {
    private DeblockerRealBench() {
    }

    public static void main(String[] args) throws Exception {
        List<ByteBuffer> units = AvcTesting.accessUnits(Files.readAllBytes(Path.of(args[0])));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Double> deblock = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            deblock.add(round(units, r));
        }
        Collections.sort(deblock);
        System.out.printf("median deblocking ms/picture: %.2f%n", deblock.get(rounds / 2));
    }

    private static double round(List<ByteBuffer> units, int round) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Integer, Sps> spsById = new HashMap<>();
        Map<Integer, Pps> ppsById = new HashMap<>();
        Dpb dpb = new Dpb();
        Deblocker deblocker = new Deblocker();
        Macroblock mb = new Macroblock();
        long deblockNanos = 0;
        int pictures = 0;
        long start = threads.getCurrentThreadCpuTime();
        for (ByteBuffer unit : units) {
            AvcPicture picture = null;
            for (ByteBuffer nal : AnnexB.split(unit.duplicate())) {
                if (!nal.hasRemaining()) {
                    continue;
                }
                int header = nal.get(nal.position()) & 0xff;
                int type = header & 0x1f;
                byte[] rbsp = Rbsp.unescape(nal.duplicate().position(nal.position() + 1));
                if (type == 7) {
                    Sps sps = SpsParser.parse(rbsp);
                    spsById.put(sps.spsId(), sps);
                } else if (type == 8) {
                    Pps pps = PpsParser.parse(rbsp, spsById::get);
                    ppsById.put(pps.ppsId(), pps);
                } else if (type == 1 || type == 5) {
                    SliceStart slice = SliceHeaderParser.parse(rbsp, type, header >> 5, spsById::get, ppsById::get);
                    Pps pps = ppsById.get(slice.header().ppsId());
                    Sps sps = spsById.get(pps.spsId());
                    if (picture == null) {
                        picture = dpb.begin(sps, slice.header(), 3000L * pictures);
                        picture.clearMacroblockData();
                    }
                    AvcPicture[][] refs = dpb.refLists(slice.header(), picture);
                    int sliceId = picture.slices.size();
                    picture.slices.add(slice.header());
                    SliceDecoder.decode(new SliceContext(sps, pps, slice.header(), picture, refs, sliceId), rbsp,
                            slice.dataBitOffset(), mb);
                }
            }
            if (picture != null) {
                long t = threads.getCurrentThreadCpuTime();
                deblocker.filter(picture, ppsById::get);
                deblockNanos += threads.getCurrentThreadCpuTime() - t;
                dpb.finish(picture);
                pictures++;
            }
        }
        double total = (threads.getCurrentThreadCpuTime() - start) / 1e6 / pictures;
        double ms = deblockNanos / 1e6 / pictures;
        System.out.printf("round %d: %d pictures, deblocking %.2f ms/picture (CPU); the rest of the decode"
                + " (anchor) %.2f ms/picture; deblocking %.1f%% of the decode%n", round, pictures, ms, total - ms,
                100 * ms / total);
        return ms;
    }
}
