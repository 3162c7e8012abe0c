package org.diva.transcode.demux.mpeg;

import java.util.Optional;
import java.util.function.Consumer;
import org.diva.transcode.codec.LpcmHeader;
import org.diva.transcode.probe.mpeg.MpegStreamCodec;
import org.diva.transcode.stream.StreamKind;

/** Chooses the framer for a stream from what its container says it is. */
final class Framers {
    /**
     * DVD LPCM's frame count and first access unit pointer, stripped; the three format bytes after them stay, as
     * ffmpeg's pcm_dvd packets keep them, since they state the sample format of each packet.
     */
    private static final int DVD_LPCM_COUNTERS = 3;
    private Framers() {
    }

    static Framer create(int index, Consumer<Unit> sink, MpegStreamCodec codec) {
        return switch (codec.kind()) {
            case VIDEO -> video(index, sink, codec.codec());
            case AUDIO -> audio(index, sink, codec);
            case SUBTITLE -> passThrough(index, sink, StreamKind.SUBTITLE, codec.codec(), 0);
        };
    }

    static Framer video(int index, Consumer<Unit> sink, String codec) {
        return switch (codec) {
            case "h264" -> new VideoFramer(index, sink, VideoSyntax.H264, codec);
            case "hevc" -> new VideoFramer(index, sink, VideoSyntax.HEVC, codec);
            case "mpeg1video", "mpeg2video" -> new VideoFramer(index, sink, VideoSyntax.MPEG12, codec);
            case "mpeg4" -> new VideoFramer(index, sink, VideoSyntax.MPEG4, codec);
            default -> passThrough(index, sink, StreamKind.VIDEO, codec, 0);
        };
    }

    private static Framer audio(int index, Consumer<Unit> sink, MpegStreamCodec codec) {
        return switch (codec.parse()) {
            case ADTS -> new AudioFramer(index, sink, AudioSyntax.ADTS, codec.codec());
            case AC3 -> new AudioFramer(index, sink, AudioSyntax.AC3, codec.codec());
            case MPEG_AUDIO -> new AudioFramer(index, sink, AudioSyntax.MPEG_AUDIO, codec.codec());
            case LPCM_DVD -> new PesFramer(index, sink, StreamFacts.guess(StreamKind.AUDIO, "pcm_dvd"),
                    DVD_LPCM_COUNTERS, c -> LpcmHeader.parseDvd(c.data(), c.offset(), c.offset() + c.length())
                    .map(h -> pcm("pcm_dvd", h)));
            case LPCM_BLURAY -> new PesFramer(index, sink, StreamFacts.guess(StreamKind.AUDIO, "pcm_bluray"),
                    LpcmHeader.BLURAY_HEADER_SIZE,
                    c -> LpcmHeader.parseBluray(c.data(), c.offset(), c.offset() + c.length())
                    .map(h -> pcm("pcm_bluray", h)));
            // LATM (stream type 0x11) is not unwrapped into raw access units, so it must not pass for plain AAC.
            default -> passThrough(index, sink, StreamKind.AUDIO,
                    codec.codec().equals("aac") ? "aac_latm" : codec.codec(), 0);
        };
    }

    private static StreamFacts pcm(String codec, LpcmHeader h) {
        return new StreamFacts(StreamKind.AUDIO, codec, new byte[0], 0, 0, h.sampleRate(), h.channels(), true);
    }

    private static Framer passThrough(int index, Consumer<Unit> sink, StreamKind kind, String codec, int skip) {
        StreamFacts known = new StreamFacts(kind, codec, new byte[0], 0, 0, 0, 0, true);
        return new PesFramer(index, sink, known, skip, c -> Optional.empty());
    }
}
