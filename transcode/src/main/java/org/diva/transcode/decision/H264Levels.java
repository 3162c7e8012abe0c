package org.diva.transcode.decision;

import java.util.List;
import java.util.Optional;

/**
 * H.264 level limits, from ITU-T H.264 (ISO/IEC 14496-10) Annex A, Table A-1: per level the largest frame in
 * macroblocks (MaxFS), the most macroblocks per second (MaxMBPS) and the highest video bitrate (MaxBR, in
 * 1000 bit/s for the Baseline, Main and Extended profiles). A.3.1 also bounds each frame side to
 * sqrt(8 * MaxFS) macroblocks, which keeps a level-3.0 stream from being 1620 macroblocks wide and one tall.
 */
final class H264Levels {
    record Level(String name, long maxMbps, int maxFs, long maxBitrate) {
        boolean fits(int width, int height, double frameRate) {
            int mbWidth = (width + 15) / 16;
            int mbHeight = (height + 15) / 16;
            int frame = mbWidth * mbHeight;
            double side = Math.sqrt(8.0 * maxFs);
            return frame <= maxFs && mbWidth <= side && mbHeight <= side && frame * frameRate <= maxMbps;
        }

        double number() {
            return Double.parseDouble(name);
        }
    }

    static final List<Level> TABLE = List.of(
            new Level("1.0", 1_485, 99, 64_000), new Level("1.1", 3_000, 396, 192_000),
            new Level("1.2", 6_000, 396, 384_000), new Level("1.3", 11_880, 396, 768_000),
            new Level("2.0", 11_880, 396, 2_000_000), new Level("2.1", 19_800, 792, 4_000_000),
            new Level("2.2", 20_250, 1_620, 4_000_000), new Level("3.0", 40_500, 1_620, 10_000_000),
            new Level("3.1", 108_000, 3_600, 14_000_000), new Level("3.2", 216_000, 5_120, 20_000_000),
            new Level("4.0", 245_760, 8_192, 20_000_000), new Level("4.1", 245_760, 8_192, 50_000_000),
            new Level("4.2", 522_240, 8_704, 50_000_000), new Level("5.0", 589_824, 22_080, 135_000_000),
            new Level("5.1", 983_040, 36_864, 240_000_000), new Level("5.2", 2_073_600, 36_864, 240_000_000));

    private H264Levels() {
    }

    /** The lowest level whose limits hold a stream of this size, rate and bitrate, if any does. */
    static Optional<Level> lowest(int width, int height, double frameRate, long bitrate) {
        return TABLE.stream().filter(l -> l.fits(width, height, frameRate) && bitrate <= l.maxBitrate()).findFirst();
    }

    /** The highest level at or below {@code max} (a number such as 4.1). */
    static Level atMost(double max) {
        Level best = TABLE.get(0);
        for (Level level : TABLE) {
            if (level.number() <= max + 1e-9) {
                best = level;
            }
        }
        return best;
    }
}
