package org.diva.transcode.probe.avi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an AVI's hdrl list says (Microsoft "AVI RIFF File Reference"; OpenDML AVI File Format Extensions 1.02):
 * the main header (avih), each stream's header (strh), format (strf) and name (strn), and the OpenDML total frame
 * count (odml/dmlh), which unlike avih counts the frames of the AVIX extension RIFFs too.
 *
 * @param microsPerFrame avih dwMicroSecPerFrame
 * @param totalFrames    avih dwTotalFrames (frames in the first RIFF only, for OpenDML files)
 * @param odmlFrames     dmlh dwTotalFrames, 0 when absent
 */
record AviHeaders(long microsPerFrame, long totalFrames, int width, int height, long odmlFrames,
                  List<Stream> streams) {
    private static final int MAX_FORMAT_BYTES = 64 * 1024;
    private static final int MAX_NAME_BYTES = 1024;

    /**
     * One stream list (strl).
     *
     * @param type    strh fccType: vids, auds, txts, ...
     * @param handler strh fccHandler, the codec FOURCC for video
     * @param scale   strh dwScale; rate / scale is samples (frames) per second
     * @param rate    strh dwRate
     * @param length  strh dwLength, in those units
     * @param format  strf data: a BITMAPINFOHEADER for video, a WAVEFORMATEX for audio; empty when absent
     */
    record Stream(String type, byte[] handler, long scale, long rate, long length, byte[] format,
                  Optional<String> name) {
        /** Units per second, or 0 when the header does not say. */
        double unitsPerSecond() {
            return scale > 0 && rate > 0 ? (double) rate / scale : 0;
        }
    }

    static AviHeaders read(RiffReader riff, RiffReader.Chunk hdrl) throws IOException {
        long microsPerFrame = 0;
        long totalFrames = 0;
        int width = 0;
        int height = 0;
        long odmlFrames = 0;
        boolean sawMainHeader = false;
        List<Stream> streams = new ArrayList<>();
        for (RiffReader.Chunk c : riff.children(hdrl)) {
            if (c.id().equals("avih")) {
                ByteBuffer avih = littleEndian(riff.data(c, 56));
                if (avih.limit() < 40) {
                    throw riff.source().error("the main header (avih) is " + c.size() + " bytes; it needs 40",
                            c.offset());
                }
                microsPerFrame = unsigned(avih, 0);
                totalFrames = unsigned(avih, 16);
                width = dimension(avih, 32);
                height = dimension(avih, 36);
                sawMainHeader = true;
            } else if (c.isList("strl")) {
                streams.add(readStream(riff, c));
            } else if (c.isList("odml")) {
                for (RiffReader.Chunk d : riff.children(c)) {
                    if (d.id().equals("dmlh") && d.size() >= 4) {
                        odmlFrames = unsigned(littleEndian(riff.data(d, 4)), 0);
                    }
                }
            }
        }
        if (!sawMainHeader) {
            throw riff.source().error("the header list (LIST 'hdrl') has no main header (avih)", hdrl.offset());
        }
        return new AviHeaders(microsPerFrame, totalFrames, width, height, odmlFrames, streams);
    }

    private static Stream readStream(RiffReader riff, RiffReader.Chunk strl) throws IOException {
        ByteBuffer strh = null;
        byte[] format = new byte[0];
        Optional<String> name = Optional.empty();
        for (RiffReader.Chunk c : riff.children(strl)) {
            switch (c.id()) {
                case "strh" -> strh = littleEndian(riff.data(c, 56));
                case "strf" -> format = c.size() <= MAX_FORMAT_BYTES ? riff.data(c, MAX_FORMAT_BYTES) : new byte[0];
                case "strn" -> name = cString(riff.data(c, MAX_NAME_BYTES));
                default -> { }
            }
        }
        if (strh == null || strh.limit() < 36) {
            throw riff.source().error("a stream list (LIST 'strl') has no complete stream header (strh)",
                    strl.offset());
        }
        byte[] type = new byte[4];
        byte[] handler = new byte[4];
        strh.get(0, type).get(4, handler);
        return new Stream(new String(type, StandardCharsets.ISO_8859_1), handler, unsigned(strh, 20),
                unsigned(strh, 24), unsigned(strh, 32), format, name);
    }

    /** A NUL-terminated string as AVI text chunks hold it (strn, INFO), if not blank. */
    static Optional<String> cString(byte[] data) {
        int length = 0;
        while (length < data.length && data[length] != 0) {
            length++;
        }
        String text = new String(data, 0, length, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static ByteBuffer littleEndian(byte[] data) {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long unsigned(ByteBuffer b, int offset) {
        return b.getInt(offset) & 0xffffffffL;
    }

    private static int dimension(ByteBuffer b, int offset) {
        int value = b.getInt(offset);
        return value == Integer.MIN_VALUE ? 0 : Math.abs(value);
    }
}
