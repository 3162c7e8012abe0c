package org.diva.transcode.demux.mp4;

import java.nio.ByteBuffer;
import java.util.Locale;

import org.diva.transcode.probe.MediaFormatException;

/**
 * Rewrites MP4 samples into DiVA's normalised payloads. H.264 and HEVC samples are NAL units each prefixed by its
 * length (ISO/IEC 14496-15 section 4.3.2); they become Annex B (ITU-T H.264 annex B: a 00 00 00 01 start code
 * before each), with the sample description's parameter sets put in front of every keyframe that does not carry
 * its own, so a decoder (or a TS receiver tuning in) can start there. MPEG-4 Part 2 and MPEG-2 video keyframes
 * likewise get the esds configuration (VOL, sequence header) when they do not start with one. A 3GPP timed text sample (a 16-bit length,
 * then UTF-8) becomes its text. Other codecs' samples are already what DiVA wants.
 */
final class Payloads {
    private static final int H264_SPS = 7;
    private static final int HEVC_VPS = 32;

    private Payloads() {
    }

    static ByteBuffer normalise(SampleFormat format, byte[] sample, boolean keyframe, long offset)
            throws MediaFormatException {
        if (format.nalLength() > 0) {
            return annexB(format, sample, keyframe, offset);
        }
        if (format.codec().equals("mov_text")) {
            int length = sample.length >= 2 ? (sample[0] & 0xff) << 8 | sample[1] & 0xff : 0;
            return ByteBuffer.wrap(sample, Math.min(2, sample.length), Math.min(length, Math.max(0, sample.length - 2)))
                    .slice();
        }
        if (keyframe && format.codecPrivate().length > 0 && !startsWithConfig(sample, format.codec())
                && (format.codec().equals("mpeg4") || format.codec().equals("mpeg2video"))) {
            byte[] config = format.codecPrivate();
            return ByteBuffer.allocate(config.length + sample.length).put(config).put(sample).flip();
        }
        return ByteBuffer.wrap(sample);
    }

    /**
     * Whether the sample starts with its own configuration: for MPEG-4 Part 2 a visual object sequence, visual
     * object or video object (layer) start code (ISO/IEC 14496-2 table 6-3: 0x00-0x2F, 0xB0, 0xB5; 0xB3 there is
     * only a group of VOPs); for MPEG-2 a sequence header (0xB3).
     */
    private static boolean startsWithConfig(byte[] sample, String codec) {
        if (sample.length < 4 || sample[0] != 0 || sample[1] != 0 || sample[2] != 1) {
            return false;
        }
        int code = sample[3] & 0xff;
        return codec.equals("mpeg2video") ? code == 0xB3 : code <= 0x2F || code == 0xB0 || code == 0xB5;
    }

    private static ByteBuffer annexB(SampleFormat format, byte[] sample, boolean keyframe, long offset)
            throws MediaFormatException {
        int prefix = format.nalLength();
        boolean hevc = format.codec().equals("hevc");
        // First pass: validate the lengths and see whether the sample brings its own parameter sets.
        int nals = 0;
        boolean hasParameterSets = false;
        for (int at = 0; at < sample.length; nals++) {
            long length = length(sample, at, prefix, offset);
            if (length > sample.length - at - prefix) {
                throw new MediaFormatException(String.format(Locale.ROOT,
                        "damaged MP4: a NAL unit at byte %,d claims %,d bytes but its sample has %,d left",
                        offset + at, length, sample.length - at - prefix));
            }
            if (length > 0) {
                int type = hevc ? (sample[at + prefix] >> 1) & 0x3f : sample[at + prefix] & 0x1f;
                hasParameterSets |= hevc ? type == HEVC_VPS || type == HEVC_VPS + 1 : type == H264_SPS;
            }
            at += prefix + (int) length;
        }
        byte[] sets = keyframe && !hasParameterSets ? format.codecPrivate() : new byte[0];
        ByteBuffer out = ByteBuffer.allocate(sets.length + sample.length + nals * Math.max(0, 4 - prefix));
        out.put(sets);
        for (int at = 0; at < sample.length; ) {
            int length = (int) length(sample, at, prefix, offset);
            out.putInt(1);
            out.put(sample, at + prefix, length);
            at += prefix + length;
        }
        return out.flip();
    }

    private static long length(byte[] sample, int at, int prefix, long offset) throws MediaFormatException {
        if (at + prefix > sample.length) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "damaged MP4: a NAL unit length at byte %,d is cut off by the end of its sample", offset + at));
        }
        long length = 0;
        for (int i = 0; i < prefix; i++) {
            length = length << 8 | sample[at + i] & 0xff;
        }
        return length;
    }
}
