package org.diva.transcode.probe.mpeg;

import java.util.Objects;

/**
 * What a container says one elementary stream carries, before the stream's own headers are read: its kind, the
 * codec name to report if those headers cannot be read, and which header parser reads them.
 */
public record MpegStreamCodec(Kind kind, String codec, Parse parse) {
    public enum Kind { VIDEO, AUDIO, SUBTITLE }

    /** Which elementary-stream header tells the details (and may correct the codec, e.g. mp2 to mp3). */
    public enum Parse { NONE, H264, MPEG_VIDEO, ANY_VIDEO, ADTS, AC3, MPEG_AUDIO, LPCM_BLURAY, LPCM_DVD }

    public MpegStreamCodec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(parse, "parse");
    }

    static MpegStreamCodec video(String codec, Parse parse) {
        return new MpegStreamCodec(Kind.VIDEO, codec, parse);
    }

    static MpegStreamCodec audio(String codec, Parse parse) {
        return new MpegStreamCodec(Kind.AUDIO, codec, parse);
    }

    static MpegStreamCodec subtitle(String format) {
        return new MpegStreamCodec(Kind.SUBTITLE, format, Parse.NONE);
    }
}
