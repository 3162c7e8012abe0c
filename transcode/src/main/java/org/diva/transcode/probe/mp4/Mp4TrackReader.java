package org.diva.transcode.probe.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;

/**
 * Reads one 'trak' into a video, audio or subtitle track: its kind from mdia/hdlr, timing and language from
 * mdia/mdhd, the codec from the first stsd entry, the frame rate from stts. Sample tables other than stts (stsz,
 * stco, stss, ...) are never read: they grow with the length of the file and the probe needs none of them.
 */
final class Mp4TrackReader {
    /** stts has one 8-byte entry per run of equal durations; even a variable-rate phone video stays far below this. */
    private static final int MAX_STTS_READ = 4 << 20;
    private static final double MAX_FRAME_RATE = 1000;

    /**
     * A track as the probe reports it, one of video, audio or subtitle.
     *
     * @param trackId        tkhd's track_ID, which chapter references ('tref'/'chap') point to; 0 if unknown
     * @param durationMillis the track's own duration (mdhd), if stated
     */
    record Track(long trackId, Optional<VideoTrack> video, Optional<AudioTrack> audio,
                 Optional<SubtitleTrack> subtitle, OptionalLong durationMillis) {
    }

    private record MediaHeader(long timescale, OptionalLong durationMillis, Optional<String> language) {
    }

    private final Mp4Source source;

    Mp4TrackReader(Mp4Source source) {
        this.source = source;
    }

    /** @return empty for tracks that are neither video, audio nor subtitles (timecode, hint, metadata) */
    Optional<Track> read(Mp4Box trak) throws IOException {
        Optional<Mp4Box> mdia = trak.child("mdia");
        Optional<Mp4Box> hdlr = mdia.flatMap(m -> m.child("hdlr"));
        Optional<Mp4Box> stsd = mdia.flatMap(m -> m.path("minf", "stbl", "stsd"));
        if (hdlr.isEmpty() || stsd.isEmpty()) {
            return Optional.empty();
        }
        String handler = handlerType(hdlr.get());
        boolean subtitle = switch (handler) {
            case "sbtl", "text", "subp", "clcp", "subt" -> true;
            default -> false;
        };
        if (!handler.equals("vide") && !handler.equals("soun") && !subtitle) {
            return Optional.empty();
        }
        Optional<Mp4Box> mdhdBox = mdia.get().child("mdhd");
        MediaHeader mdhd = mdhdBox.isPresent() ? mediaHeader(mdhdBox.get())
                : new MediaHeader(0, OptionalLong.empty(), Optional.empty());
        ByteBuffer tkhd = trak.child("tkhd").isPresent() ? source.body(trak.child("tkhd").get(), 96)
                : ByteBuffer.allocate(0);
        long trackId = tkhd.remaining() >= 24 ? tkhd.getInt(tkhd.get(0) == 1 ? 20 : 12) & 0xffff_ffffL : 0;
        Mp4SampleEntry entry = Mp4SampleEntry.readFirst(source, stsd.get());
        Optional<VideoTrack> video = Optional.empty();
        Optional<AudioTrack> audio = Optional.empty();
        Optional<SubtitleTrack> text = Optional.empty();
        if (handler.equals("vide")) {
            VideoTrack v = Mp4VideoEntry.read(entry);
            OptionalDouble stts = frameRate(mdia.get().path("minf", "stbl", "stts"), mdhd.timescale());
            int width = v.width() > 0 ? v.width() : displaySize(tkhd, 0);
            int height = v.height() > 0 ? v.height() : displaySize(tkhd, 4);
            video = Optional.of(new VideoTrack(v.codec(), v.profile(), v.level(), width, height,
                    stts.isPresent() ? stts : v.frameRate(), v.bitDepth(), v.interlaced(), v.bitrate(),
                    mdhd.language()));
        } else if (handler.equals("soun")) {
            AudioTrack a = Mp4AudioEntry.read(entry, mdhd.timescale());
            audio = Optional.of(new AudioTrack(a.codec(), a.profile(), a.channels(), a.sampleRate(), a.bitrate(),
                    mdhd.language()));
        } else {
            text = Optional.of(SubtitleTrack.embedded(subtitleFormat(entry), mdhd.language(), Optional.empty()));
        }
        return Optional.of(new Track(trackId, video, audio, text, mdhd.durationMillis()));
    }

    /** hdlr: version/flags, pre_defined (QuickTime's component type), then the handler type. */
    private String handlerType(Mp4Box hdlr) throws IOException {
        ByteBuffer b = source.body(hdlr, 12);
        if (b.remaining() < 12) {
            throw tooShort(hdlr);
        }
        return Mp4Fields.fourcc(b.position(8));
    }

    /** mdhd (ISO/IEC 14496-12 section 8.4.2): version 1 has 64-bit times. */
    private MediaHeader mediaHeader(Mp4Box mdhd) throws IOException {
        ByteBuffer b = source.body(mdhd, 36);
        boolean v1 = b.remaining() > 0 && b.get(0) == 1;
        if (b.remaining() < (v1 ? 34 : 22)) {
            throw tooShort(mdhd);
        }
        b.position(v1 ? 20 : 12);
        long timescale = Mp4Fields.u32(b);
        long duration = v1 ? b.getLong() : Mp4Fields.u32(b);
        return new MediaHeader(timescale, Mp4Fields.millis(duration, timescale, v1),
                Mp4Fields.language(Mp4Fields.u16(b) & 0x7fff));
    }

    /** tkhd ends with the display width and height as 16.16 fixed point; a last resort for the picture size. */
    private static int displaySize(ByteBuffer tkhd, int offsetFromWidth) {
        int at = (tkhd.remaining() > 0 && tkhd.get(0) == 1 ? 88 : 76) + offsetFromWidth;
        return tkhd.limit() >= at + 4 ? Math.max(0, tkhd.getInt(at) >> 16) : 0;
    }

    /** Average frame rate from stts: frames times timescale over the summed frame durations, to 3 decimals. */
    private OptionalDouble frameRate(Optional<Mp4Box> stts, long timescale) throws IOException {
        if (stts.isEmpty() || timescale <= 0 || stts.get().bodySize() > MAX_STTS_READ) {
            return OptionalDouble.empty();
        }
        ByteBuffer b = source.body(stts.get(), MAX_STTS_READ);
        if (b.remaining() < 8) {
            return OptionalDouble.empty();
        }
        b.getInt(); // version, flags
        long entries = Math.min(Mp4Fields.u32(b), b.remaining() / 8);
        double frames = 0;
        double ticks = 0;
        for (long i = 0; i < entries; i++) {
            long count = Mp4Fields.u32(b);
            frames += count;
            ticks += count * (double) Mp4Fields.u32(b);
        }
        double rate = ticks > 0 ? frames * timescale / ticks : 0;
        return rate > 0 && rate <= MAX_FRAME_RATE ? OptionalDouble.of(Math.round(rate * 1000) / 1000.0)
                : OptionalDouble.empty();
    }

    private static String subtitleFormat(Mp4SampleEntry entry) {
        return switch (entry.format()) {
            case "tx3g", "text" -> "mov_text";
            case "wvtt" -> "webvtt";
            case "stpp" -> "ttml";
            case "c608" -> "eia_608";
            case "c708" -> "eia_708";
            case "mp4s" -> "dvdsub";
            default -> entry.unknownCodec();
        };
    }

    private static MediaFormatException tooShort(Mp4Box box) {
        return new MediaFormatException(Mp4Fields.format(
                "damaged MP4: the %s is too short (%,d bytes) for its fields", box.describe(), box.size()));
    }
}
