package org.diva.transcode.mux.mp4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.stream.Ticks;

/**
 * The movie box 'moov' (ISO/IEC 14496-12 section 8.2) over the recorded tracks: 'mvhd', then per track 'tkhd',
 * 'edts' when the track needs an edit list, and 'mdia' with its header, handler and media information. Boxes
 * with 32-bit durations use version 1 only when a duration needs 64 bits. Tracks without a sample are left out:
 * there is nothing to describe them by (an H.264 stream that never sent a parameter set).
 */
final class MoovWriter {
    private static final int[] MATRIX = {0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000};
    private static final long MOVIE_TIMESCALE = Ticks.PER_SECOND;

    private MoovWriter() {
    }

    static BoxBuffer write(List<TrackRecorder> tracks) throws MediaFormatException {
        List<TrackRecorder> written = new ArrayList<>();
        for (TrackRecorder t : tracks) {
            if (t.samples() > 0) {
                written.add(t);
            }
        }
        long zero = TrackTiming.movieZero(written);
        List<TrackTiming> timings = new ArrayList<>();
        long duration = 0;
        for (TrackRecorder t : written) {
            TrackTiming timing = TrackTiming.of(t, zero);
            timings.add(timing);
            duration = Math.max(duration, timing.presentedTicks());
        }
        BoxBuffer b = new BoxBuffer();
        int moov = b.begin("moov");
        movieHeader(b, duration, tracks.size() + 1);
        for (int i = 0; i < written.size(); i++) {
            track(b, written.get(i), timings.get(i));
        }
        b.end(moov);
        return b;
    }

    private static void movieHeader(BoxBuffer b, long duration, int nextTrackId) {
        int version = duration > 0xffff_ffffL ? 1 : 0;
        int box = b.beginFull("mvhd", version, 0);
        times(b, version, MOVIE_TIMESCALE, duration);
        b.u32(0x00010000); // rate 1.0
        b.u16(0x0100); // volume 1.0
        b.zeros(10);
        matrix(b);
        b.zeros(24); // pre_defined
        b.u32(nextTrackId);
        b.end(box);
    }

    private static void track(BoxBuffer b, TrackRecorder t, TrackTiming timing) throws MediaFormatException {
        boolean video = t.stream.kind() == StreamKind.VIDEO;
        int trak = b.begin("trak");
        long duration = timing.presentedTicks();
        int version = duration > 0xffff_ffffL ? 1 : 0;
        int tkhd = b.beginFull("tkhd", version, 3); // enabled, in movie
        if (version == 1) {
            b.u64(0);
            b.u64(0);
        } else {
            b.u32(0);
            b.u32(0);
        }
        b.u32(t.trackId);
        b.u32(0);
        if (version == 1) {
            b.u64(duration);
        } else {
            b.u32(duration);
        }
        b.zeros(8);
        b.u16(0); // layer
        b.u16(video ? 0 : 1); // alternate_group: audio tracks are alternatives of each other
        b.u16(video ? 0 : 0x0100); // volume
        b.u16(0);
        matrix(b);
        b.u32((long) t.entry.width() << 16); // 16.16; square pixels assumed
        b.u32((long) t.entry.height() << 16);
        b.end(tkhd);
        if (timing.needsEdit()) {
            editList(b, timing);
        }
        int mdia = b.begin("mdia");
        long mediaDuration = timing.mediaDuration(t);
        int mdhdVersion = mediaDuration > 0xffff_ffffL ? 1 : 0;
        int mdhd = b.beginFull("mdhd", mdhdVersion, 0);
        times(b, mdhdVersion, timing.timescale(), mediaDuration);
        b.u16(language(t.stream.language()));
        b.u16(0);
        b.end(mdhd);
        int hdlr = b.beginFull("hdlr", 0, 0);
        b.u32(0);
        b.fourcc(video ? "vide" : "soun");
        b.zeros(12);
        b.bytes((video ? "VideoHandler\0" : "SoundHandler\0").getBytes(StandardCharsets.US_ASCII));
        b.end(hdlr);
        int minf = b.begin("minf");
        if (video) {
            int vmhd = b.beginFull("vmhd", 0, 1);
            b.zeros(8); // graphicsmode copy, opcolor
            b.end(vmhd);
        } else {
            int smhd = b.beginFull("smhd", 0, 0);
            b.zeros(4); // balance, reserved
            b.end(smhd);
        }
        int dinf = b.begin("dinf");
        int dref = b.beginFull("dref", 0, 0);
        b.u32(1);
        b.end(b.beginFull("url ", 0, 1)); // the media is in this file
        b.end(dref);
        b.end(dinf);
        SampleTables.write(b, t, timing);
        b.end(minf);
        b.end(mdia);
        b.end(trak);
    }

    /** elst (section 8.6.6): an empty edit for a late start, then the media from its first presented sample. */
    private static void editList(BoxBuffer b, TrackTiming timing) {
        boolean wide = timing.presentedTicks() > 0xffff_ffffL || timing.mediaTime() > 0x7fff_ffffL;
        int edts = b.begin("edts");
        int elst = b.beginFull("elst", wide ? 1 : 0, 0);
        b.u32(timing.emptyTicks() > 0 ? 2 : 1);
        if (timing.emptyTicks() > 0) {
            edit(b, wide, timing.emptyTicks(), -1);
        }
        edit(b, wide, timing.segmentTicks(), timing.mediaTime());
        b.end(elst);
        b.end(edts);
    }

    private static void edit(BoxBuffer b, boolean wide, long duration, long mediaTime) {
        if (wide) {
            b.u64(duration);
            b.u64(mediaTime);
        } else {
            b.u32(duration);
            b.u32(mediaTime);
        }
        b.u32(0x00010000); // media_rate 1.0
    }

    private static void times(BoxBuffer b, int version, long timescale, long duration) {
        if (version == 1) {
            b.u64(0);
            b.u64(0);
            b.u32(timescale);
            b.u64(duration);
        } else {
            b.u32(0); // creation and modification time: unknown, and output is then reproducible
            b.u32(0);
            b.u32(timescale);
            b.u32(duration);
        }
    }

    private static void matrix(BoxBuffer b) {
        for (int v : MATRIX) {
            b.u32(v & 0xffff_ffffL);
        }
    }

    /** ISO 639-2/T code packed as three 5-bit letters (section 8.4.2.3); "und" when untagged or not three letters. */
    static int language(Optional<String> code) {
        String c = code.filter(s -> s.matches("[a-z]{3}")).orElse("und");
        return (c.charAt(0) - 0x60) << 10 | (c.charAt(1) - 0x60) << 5 | (c.charAt(2) - 0x60);
    }
}
