package org.diva.transcode.demux.mpeg;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import org.diva.transcode.codec.H264Sps;
import org.diva.transcode.codec.Mpeg2SequenceHeader;
import org.diva.transcode.stream.StreamKind;

/**
 * What a video stream's headers say (dimensions, the codec's exact name, H.264 parameter sets), and the H.264
 * normalisation {@link org.diva.transcode.stream.ElementaryStream} promises: every keyframe carries an SPS and a PPS
 * in band, so a decoder or muxer can start at any keyframe. Where a keyframe lacks them, the last ones seen are put
 * in after its access unit delimiter.
 */
final class VideoHeaders {
    private static final byte[] START = {0, 0, 0, 1};

    private final VideoSyntax syntax;
    private StreamFacts facts;
    private byte[] sps;
    private byte[] pps;

    VideoHeaders(VideoSyntax syntax, String codec) {
        this.syntax = syntax;
        // DiVA reads no HEVC or MPEG-4 Part 2 picture headers: their details stay unknown, and waiting is futile.
        boolean unread = syntax == VideoSyntax.HEVC || syntax == VideoSyntax.MPEG4;
        this.facts = new StreamFacts(StreamKind.VIDEO, codec, new byte[0], 0, 0, 0, 0, unread);
    }

    StreamFacts facts() {
        return facts;
    }

    /** Learns from a whole unit and returns it as it is to be handed on. */
    byte[] complete(byte[] unit, boolean keyframe) {
        switch (syntax) {
            case H264 -> {
                return h264(unit, keyframe);
            }
            case MPEG12 -> {
                if (!facts.known()) {
                    Mpeg2SequenceHeader.find(unit, unit.length, true).ifPresent(h -> facts = new StreamFacts(
                            StreamKind.VIDEO, h.codecName(), new byte[0], h.width(), h.height(), 0, 0, true));
                }
                return unit;
            }
            default -> {
                return unit;
            }
        }
    }

    private byte[] h264(byte[] unit, boolean keyframe) {
        boolean hasSps = false;
        boolean hasPps = false;
        int afterDelimiter = 0;
        for (int p = next(unit, 0); p >= 0; ) {
            int end = next(unit, p + 3);
            int nalEnd = end < 0 ? unit.length : end;
            while (nalEnd > p + 4 && unit[nalEnd - 1] == 0) {
                nalEnd--;
            }
            int type = unit[p + 3] & 0x1f;
            byte[] nal = Arrays.copyOfRange(unit, p + 3, nalEnd);
            if (type == 9) {
                afterDelimiter = end < 0 ? unit.length : (end > 0 && unit[end - 1] == 0 ? end - 1 : end);
            } else if (type == 7) {
                hasSps = true;
                learnSps(nal);
            } else if (type == 8) {
                hasPps = true;
                pps = nal;
            }
            p = end;
        }
        finishH264();
        if (!keyframe || (hasSps && hasPps) || sps == null || pps == null) {
            return unit;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(unit.length + sps.length + pps.length + 8);
        out.write(unit, 0, afterDelimiter);
        out.writeBytes(START);
        out.writeBytes(sps);
        out.writeBytes(START);
        out.writeBytes(pps);
        out.write(unit, afterDelimiter, unit.length - afterDelimiter);
        return out.toByteArray();
    }

    private void learnSps(byte[] nal) {
        sps = nal;
        Optional<H264Sps> parsed = H264Sps.parse(nal);
        if (parsed.isPresent() && !facts.known()) {
            facts = new StreamFacts(StreamKind.VIDEO, "h264", new byte[0], parsed.get().width(),
                    parsed.get().height(), 0, 0, false);
        }
        if (parsed.isPresent() && pps != null) {
            finishH264();
        }
    }

    /** SPS and PPS are both known: the codec private data is complete. */
    private void finishH264() {
        if (facts.known() || sps == null || pps == null) {
            return;
        }
        ByteArrayOutputStream priv = new ByteArrayOutputStream();
        priv.writeBytes(START);
        priv.writeBytes(sps);
        priv.writeBytes(START);
        priv.writeBytes(pps);
        facts = new StreamFacts(StreamKind.VIDEO, "h264", priv.toByteArray(), facts.width(), facts.height(), 0, 0,
                facts.width() > 0);
    }

    /** The next 00 00 01 at or after {@code from}, or -1. */
    private static int next(byte[] b, int from) {
        for (int i = from; i + 3 < b.length; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1) {
                return i;
            }
        }
        return -1;
    }
}
