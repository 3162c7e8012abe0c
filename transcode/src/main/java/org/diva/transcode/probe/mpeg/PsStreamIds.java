package org.diva.transcode.probe.mpeg;

import java.util.Optional;
import org.diva.transcode.codec.LpcmHeader;
import org.diva.transcode.probe.mpeg.MpegStreamCodec.Parse;

/**
 * What an MPEG-PS stream_id says a stream is (ISO/IEC 13818-1 table 2-22), and for private stream 1 the DVD-Video
 * substream ids as ffmpeg's mpeg.c reads them: 0x20-0x3F subpictures, 0x80-0x87 AC-3, 0x88-0x8F and 0x98-0x9F
 * DTS, 0xA0-0xA7 LPCM. A stream is keyed by its stream_id, or for private stream 1 by 0xBD00 + substream id.
 */
public final class PsStreamIds {
    public static final int PRIVATE_STREAM_1 = 0xbd;

    private PsStreamIds() {
    }

    /** A stream's codec and how many payload bytes of each PES packet precede its elementary stream. */
    public record Kind(MpegStreamCodec codec, int skip) {
    }

    public static int key(int streamId, int substreamId) {
        return streamId == PRIVATE_STREAM_1 ? PRIVATE_STREAM_1 << 8 | substreamId : streamId;
    }

    /** @param mpeg2 whether the pack headers are MPEG-2's (the default name for unreadable video) */
    public static Optional<Kind> classify(int key, boolean mpeg2) {
        if (key >= 0xe0 && key <= 0xef) {
            return kind(MpegStreamCodec.video(mpeg2 ? "mpeg2video" : "mpeg1video", Parse.ANY_VIDEO), 0);
        }
        if (key >= 0xc0 && key <= 0xdf) {
            return kind(MpegStreamCodec.audio("mp2", Parse.MPEG_AUDIO), 0);
        }
        if (key >> 8 != PRIVATE_STREAM_1) {
            return Optional.empty();
        }
        int sub = key & 0xff;
        if (sub >= 0x20 && sub <= 0x3f) {
            return kind(MpegStreamCodec.subtitle("dvdsub"), 1);
        }
        if (sub >= 0x80 && sub <= 0x87) {
            return kind(MpegStreamCodec.audio("ac3", Parse.AC3), 4); // id, frame count, first access unit pointer
        }
        if ((sub >= 0x88 && sub <= 0x8f) || (sub >= 0x98 && sub <= 0x9f)) {
            return kind(MpegStreamCodec.audio("dts", Parse.NONE), 4);
        }
        if (sub >= 0xa0 && sub <= 0xa7) {
            return kind(MpegStreamCodec.audio("pcm", Parse.LPCM_DVD), 1 + LpcmHeader.DVD_HEADER_SIZE);
        }
        return Optional.empty();
    }

    private static Optional<Kind> kind(MpegStreamCodec codec, int skip) {
        return Optional.of(new Kind(codec, skip));
    }
}
