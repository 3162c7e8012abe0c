package org.diva.transcode.demux.matroska;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.StreamKind;

/**
 * One Matroska track as the demuxer serves it: the stream it becomes and how its frames are restored (header
 * stripping and zlib undone) and normalised (length-prefixed NAL units to Annex B).
 *
 * @param number          the TrackNumber blocks name
 * @param stream          what the track becomes
 * @param strippedHeader  bytes ContentCompAlgo 3 removed from every frame; empty when none
 * @param zlib            whether frames are zlib-compressed (ContentCompAlgo 0)
 * @param nal             the NAL configuration for H.264/HEVC, else empty
 * @param defaultDuration DefaultDuration in nanoseconds, 0 if absent
 * @param codecDelay      CodecDelay in nanoseconds, subtracted from every block timestamp
 */
record DemuxTrack(long number, ElementaryStream stream, byte[] strippedHeader, boolean zlib, Optional<NalConfig> nal,
                  long defaultDuration, long codecDelay) {
    /** No frame inflates to more than this; a bigger one is a zip bomb, not video. */
    static final int MAX_INFLATED = 64 * 1024 * 1024;

    DemuxTrack {
        strippedHeader = strippedHeader.clone();
    }

    boolean isVideo() {
        return stream.kind() == StreamKind.VIDEO;
    }

    /** The frame at {@code data[offset..offset+length)} restored and normalised for {@link #stream}. */
    ByteBuffer payload(byte[] data, int offset, int length, boolean keyframe, long where) throws IOException {
        byte[] frame;
        int start;
        int size;
        if (zlib) {
            frame = inflate(data, offset, length, where);
            start = 0;
            size = frame.length;
        } else if (strippedHeader.length > 0) {
            frame = new byte[strippedHeader.length + length];
            System.arraycopy(strippedHeader, 0, frame, 0, strippedHeader.length);
            System.arraycopy(data, offset, frame, strippedHeader.length, length);
            start = 0;
            size = frame.length;
        } else {
            frame = data;
            start = offset;
            size = length;
        }
        if (nal.isPresent()) {
            NalConfig.ParameterSetTest sps = stream.codec().equals("hevc")
                    ? NalConfig.ParameterSetTest.HEVC : NalConfig.ParameterSetTest.H264;
            return ByteBuffer.wrap(nal.get().toAnnexB(frame, start, size, keyframe, sps, where));
        }
        return ByteBuffer.wrap(frame, start, size).slice();
    }

    private static byte[] inflate(byte[] data, int offset, int length, long where) throws MediaFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(length * 2);
            byte[] chunk = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw Lacing.damage("zlib-compressed frame ends early", where);
                }
                out.write(chunk, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw Lacing.damage(String.format(Locale.ROOT, "frame inflates past %,d bytes", MAX_INFLATED),
                            where);
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw Lacing.damage("zlib-compressed frame does not inflate: " + e.getMessage(), where);
        } finally {
            inflater.end();
        }
    }
}
