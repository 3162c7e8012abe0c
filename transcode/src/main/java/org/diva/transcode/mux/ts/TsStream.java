package org.diva.transcode.mux.ts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.StreamKind;

/**
 * How one elementary stream is carried in the transport stream: its PID, the PMT stream_type and descriptors
 * (ISO/IEC 13818-1 table 2-34; AC-3 per ATSC A/52 annex A and ETSI EN 300 468 annex D), and the PES stream_id.
 *
 * @param source      the stream as the demuxer described it
 * @param pid         the packet identifier
 * @param streamType  PMT stream_type
 * @param streamId    PES stream_id: 0xE0 video, 0xC0 MPEG audio (AAC too), 0xBD private stream 1 (AC-3)
 * @param descriptors the PMT ES_info descriptors
 */
record TsStream(ElementaryStream source, int pid, int streamType, int streamId, byte[] descriptors) {

    static TsStream of(ElementaryStream s, int pid) {
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        int type;
        int id = s.kind() == StreamKind.VIDEO ? 0xE0 : 0xC0;
        switch (s.codec()) {
            case "h264" -> type = 0x1B;
            case "hevc" -> type = 0x24;
            case "mpeg2video" -> type = 0x02;
            case "mpeg1video" -> type = 0x01;
            case "mpeg4" -> type = 0x10;
            case "aac" -> type = 0x0F;
            case "mp3", "mp2" -> type = s.sampleRate() > 0 && s.sampleRate() < 32_000 ? 0x04 : 0x03;
            case "ac3" -> {
                type = 0x81;
                id = 0xBD;
                registration(d, "AC-3"); // ATSC players look for this
                d.write(0x6A); // DVB AC-3_descriptor, no optional fields
                d.write(1);
                d.write(0);
            }
            case "eac3" -> {
                type = 0x87;
                id = 0xBD;
                registration(d, "EAC3");
                d.write(0x7A); // DVB enhanced_AC-3_descriptor
                d.write(1);
                d.write(0);
            }
            default -> throw new IllegalArgumentException("MPEG-TS output cannot carry " + s.kind().name()
                    .toLowerCase(java.util.Locale.ROOT) + " codec '" + s.codec() + "' (stream " + s.index() + ")");
        }
        if (s.kind() == StreamKind.AUDIO && s.language().isPresent() && s.language().get().length() == 3) {
            d.write(0x0A); // ISO_639_language_descriptor
            d.write(4);
            d.writeBytes(s.language().get().getBytes(StandardCharsets.US_ASCII));
            d.write(0);
        }
        return new TsStream(s, pid, type, id, d.toByteArray());
    }

    private static void registration(ByteArrayOutputStream d, String format) {
        d.write(0x05);
        d.write(4);
        d.writeBytes(format.getBytes(StandardCharsets.US_ASCII));
    }

    boolean isVideo() {
        return source.kind() == StreamKind.VIDEO;
    }
}
