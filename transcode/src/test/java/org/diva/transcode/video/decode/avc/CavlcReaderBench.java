package org.diva.transcode.video.decode.avc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.diva.transcode.probe.MediaFormatException;

/**
 * Times {@link CavlcReader} alone over every slice of a CAVLC Annex B file (headers parsed beforehand, coefficient
 * arrays zeroed after each macroblock as reconstruction would) and prints macroblocks per second against the
 * decoder's budget of 1080p at 30 fps on one core (244,800 macroblocks/s). Not a test.
 *
 * <p>Usage: {@code CavlcReaderBench file.264 [rounds]}; e.g. a 1080p clip made with
 * {@code ffmpeg -f lavfi -i testsrc2=size=1920x1080:rate=30 -t 4 -c:v libx264 -profile:v high
 * -x264-params cabac=0 -b:v 8M -f h264 /tmp/cavlc-1080p.264}.
 */
public final class CavlcReaderBench {
    private static final double BUDGET_MBS_PER_SECOND = 8160 * 30;

    private CavlcReaderBench() {
    }

    public static void main(String[] args) throws Exception {
        List<JcodecHeaders.Slice> slices = JcodecHeaders.slices(Files.readAllBytes(Path.of(args[0])));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Sps sps = slices.get(0).sps();
        AvcPicture pic = new AvcPicture(sps.widthMbs(), sps.heightMbs());
        Macroblock mb = new Macroblock();
        long mbs = 0;
        for (int i = 0; i < 3; i++) {
            mbs = run(slices, pic, mb); // warm-up
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            run(slices, pic, mb);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = mbs * rounds / seconds;
        long bytes = slices.stream().mapToLong(s -> s.rbsp().length).sum();
        System.out.printf("CavlcReader: %d slices, %d macroblocks, %.1f Mbit per round; %.0f macroblocks/s = %.2f x "
                + "the 1080p30 budget%n", slices.size(), mbs, bytes * 8 / 1e6, rate, rate / BUDGET_MBS_PER_SECOND);
    }

    private static long run(List<JcodecHeaders.Slice> slices, AvcPicture pic, Macroblock mb)
            throws MediaFormatException {
        long count = 0;
        for (JcodecHeaders.Slice s : slices) {
            if (s.header().firstMbInSlice() == 0) {
                pic.clearMacroblockData();
            }
            int sliceId = pic.slices.size();
            pic.slices.add(s.header());
            CavlcReader reader = new CavlcReader(new SliceContext(s.sps(), s.pps(), s.header(), pic,
                    new AvcPicture[2][0], sliceId), s.rbsp(), s.dataBitOffset());
            int addr = s.header().firstMbInSlice();
            do {
                mb.reset(addr, pic.widthMbs);
                pic.sliceId[addr] = sliceId;
                reader.read(mb);
                if (mb.lumaCoded != 0 || (mb.kind & MbKind.I16X16) != 0) {
                    Arrays.fill(mb.luma, 0);
                    Arrays.fill(mb.lumaDc, 0);
                }
                if ((mb.cbp & 0x30) != 0) {
                    Arrays.fill(mb.chroma, 0);
                    Arrays.fill(mb.chromaDc, 0);
                }
                addr++;
                count++;
            } while (reader.hasMore());
        }
        return count;
    }
}
