package org.diva.transcode.demux.mpeg;

import org.diva.transcode.codec.Mpeg2SequenceHeader;
import org.diva.transcode.stream.Ticks;

/**
 * Times the MPEG-1/2 pictures whose PES packet had no time stamp, as program stream muxers leave most of them
 * (ffmpeg's VOB muxer times about one picture in ten, rarely an I-picture), so that keyframes can be seeked to.
 * Within a group of pictures, temporal_reference counts pictures in display order (ISO/IEC 13818-2 section
 * 6.3.9), so a picture displays at the GOP's base time plus its temporal_reference in frame durations; every timed
 * picture re-anchors the base, and a GOP header moves it on by the pictures of the GOP before. Decoding times step
 * one frame duration per picture. Field pictures and repeat_first_field are not accounted for.
 */
final class Mpeg2Clock {
    private long frameTicks;
    private long base = Ticks.NONE;
    private int gopPictures;
    /** Whether the pictures of the current GOP were all seen since its header (not so after a restart). */
    private boolean wholeGop;
    /** The time a seek found for the next keyframe, which after the restart may lack a time stamp. */
    private long anchor = Ticks.NONE;
    private long lastDts = Ticks.NONE;

    /** The presentation and decoding times of a whole picture unit, from its own stamp where it has one. */
    long[] time(byte[] unit, long pts, long dts, boolean keyframe) {
        int temporalReference = -1;
        boolean gop = false;
        for (int i = 0; i + 5 < unit.length; i++) {
            if (unit[i] != 0 || unit[i + 1] != 0 || unit[i + 2] != 1) {
                continue;
            }
            int code = unit[i + 3] & 0xff;
            if (code == 0xb3 && frameTicks == 0) {
                Mpeg2SequenceHeader.find(unit, unit.length, true)
                        .filter(h -> h.frameRate() > 0)
                        .ifPresent(h -> frameTicks = Math.round(Ticks.PER_SECOND / h.frameRate()));
            } else if (code == 0xb8) {
                gop = true;
            } else if (code == 0x00 && temporalReference < 0) {
                temporalReference = (unit[i + 4] & 0xff) << 2 | (unit[i + 5] & 0xff) >> 6;
            }
        }
        if (temporalReference < 0 || frameTicks == 0) {
            return new long[] {pts, dts};
        }
        if (gop) {
            base = wholeGop && base != Ticks.NONE ? base + gopPictures * frameTicks : Ticks.NONE;
            gopPictures = 0;
            wholeGop = true;
        }
        boolean stamped = pts != Ticks.NONE;
        boolean anchored = false;
        if (keyframe && anchor != Ticks.NONE) {
            anchored = pts == Ticks.NONE;
            pts = anchored ? anchor : pts;
            anchor = Ticks.NONE;
        }
        if (pts != Ticks.NONE) {
            base = pts - temporalReference * frameTicks;
            wholeGop |= anchored;
        } else if (base != Ticks.NONE) {
            pts = base + temporalReference * frameTicks;
            dts = lastDts != Ticks.NONE ? lastDts + frameTicks : Ticks.NONE;
        }
        gopPictures = Math.max(gopPictures, temporalReference + 1);
        // an anchored keyframe's decoding time is unknown (it precedes its display by the reordering delay)
        lastDts = !stamped ? dts : dts != Ticks.NONE ? dts : pts;
        return new long[] {pts, dts};
    }

    /** The next keyframe that comes without a time stamp displays at {@code pts}. */
    void anchor(long pts) {
        anchor = pts;
    }

    void reset() {
        base = Ticks.NONE;
        gopPictures = 0;
        lastDts = Ticks.NONE;
        wholeGop = false;
    }
}
