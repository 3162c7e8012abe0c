package org.diva.transcode.demux.mp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.mp4.Mp4Fields;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Ticks;

/**
 * Reads one 'trak' into an {@link Mp4Track}: handler, media timescale and language, first sample description, edit
 * list and sample table. Tracks of kinds or codecs DiVA cannot pass on (timecode, chapters, ProRes...) are skipped.
 */
final class TrackReader {
    private TrackReader() {
    }

    static Optional<Mp4Track> read(Box trak, int index, long movieTimescale, long fileSize) throws MediaFormatException {
        Box mdia = trak.need("mdia");
        ByteBuffer hdlr = mdia.need("hdlr").data();
        if (hdlr.remaining() < 12) {
            return Optional.empty();
        }
        byte[] code = new byte[4];
        hdlr.position(8).get(code);
        String handler = new String(code, StandardCharsets.ISO_8859_1);
        Box stbl = mdia.need("minf", "stbl");
        Optional<SampleFormat> format = SampleFormat.read(stbl.need("stsd"), handler);
        if (format.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer mdhd = mdia.need("mdhd").data();
        boolean wide = mdhd.remaining() > 0 && mdhd.get(0) == 1;
        if (mdhd.remaining() < (wide ? 32 : 20)) {
            throw new MediaFormatException("damaged MP4: the 'mdhd' of the " + trak.describe() + " is too short");
        }
        long timescale = mdhd.getInt(wide ? 20 : 12) & 0xffff_ffffL;
        long mediaDuration = wide ? mdhd.getLong(24) : mdhd.getInt(16) & 0xffff_ffffL;
        int language = mdhd.getShort(wide ? 32 : 20) & 0x7fff;
        if (timescale == 0) {
            throw new MediaFormatException("damaged MP4: timescale 0 in the 'mdhd' of the " + trak.describe());
        }
        ByteBuffer tkhd = trak.need("tkhd").data();
        long id = tkhd.getInt(tkhd.get(0) == 1 ? 20 : 12) & 0xffff_ffffL;
        long[] edit = editStart(trak.path("edts", "elst"), movieTimescale);
        SampleFormat f = format.get();
        ElementaryStream stream = new ElementaryStream(index, f.kind(), f.codec(), ByteBuffer.wrap(f.codecPrivate()),
                f.width(), f.height(), f.sampleRate(), f.channels(), Mp4Fields.language(language),
                mediaDuration > 0 ? OptionalLong.of(Ticks.fromTimescale(mediaDuration, timescale))
                        : OptionalLong.empty());
        return Optional.of(new Mp4Track(stream, id, f, StblReader.read(stbl, fileSize), timescale, edit[0],
                edit[1]));
    }

    /**
     * The media time of the first non-empty edit and the ticks of the empty edits before it (ISO/IEC 14496-12
     * section 8.6.6). Later edits (cuts inside the file) are not honoured: DiVA plays the media from that start.
     */
    private static long[] editStart(Optional<Box> elst, long movieTimescale) {
        if (elst.isEmpty()) {
            return new long[] {0, 0};
        }
        ByteBuffer b = elst.get().data();
        if (b.remaining() < 8) {
            return new long[] {0, 0};
        }
        boolean wide = b.get(0) == 1;
        int width = wide ? 20 : 12;
        long entries = Math.min(b.getInt(4) & 0xffff_ffffL, (b.limit() - 8) / width);
        long empty = 0;
        for (int i = 0; i < entries; i++) {
            int at = 8 + i * width;
            long duration = wide ? b.getLong(at) : b.getInt(at) & 0xffff_ffffL;
            long mediaTime = wide ? b.getLong(at + 8) : b.getInt(at + 4);
            if (mediaTime != -1) {
                return new long[] {Math.max(0, mediaTime),
                        movieTimescale > 0 ? Ticks.fromTimescale(empty, movieTimescale) : 0};
            }
            empty += duration;
        }
        return new long[] {0, 0};
    }
}
