package org.diva.transcode.probe.mp4;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The facts DiVA takes from an 'esds' box: the MPEG-4 ES_Descriptor (ISO/IEC 14496-1 section 7.2.6.5) with its
 * DecoderConfigDescriptor (object type, average bitrate) and DecoderSpecificInfo (the codec's own configuration,
 * such as an AAC AudioSpecificConfig or an MPEG-4 Visual header).
 *
 * @param objectType  objectTypeIndication: 0x40 AAC, 0x6B MP3, 0x20 MPEG-4 Visual, ... (ISO/IEC 14496-1 table 5)
 * @param avgBitrate  bits per second, 0 when not stated
 * @param specificInfo the DecoderSpecificInfo bytes, empty when absent
 */
record Mp4Esds(int objectType, long avgBitrate, byte[] specificInfo) {
    private static final int ES_DESCRIPTOR = 0x03;
    private static final int DECODER_CONFIG = 0x04;
    private static final int DECODER_SPECIFIC_INFO = 0x05;

    /** Parses an 'esds' body (version and flags first); empty when it holds no readable decoder configuration. */
    static Optional<Mp4Esds> parse(ByteBuffer esds) {
        try {
            ByteBuffer b = esds.duplicate();
            b.position(b.position() + 4); // version, flags
            int tag = Mp4Fields.u8(b);
            if (tag == ES_DESCRIPTOR) {
                ByteBuffer es = descriptor(b);
                es.getShort(); // ES_ID
                int flags = Mp4Fields.u8(es);
                if ((flags & 0x80) != 0) {
                    es.getShort(); // dependsOn_ES_ID
                }
                if ((flags & 0x40) != 0) {
                    es.position(es.position() + Mp4Fields.u8(es)); // URL
                }
                if ((flags & 0x20) != 0) {
                    es.getShort(); // OCR_ES_Id
                }
                b = es;
                tag = Mp4Fields.u8(b);
            }
            return tag == DECODER_CONFIG ? Optional.of(decoderConfig(descriptor(b))) : Optional.empty();
        } catch (BufferUnderflowException | IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }

    private static Mp4Esds decoderConfig(ByteBuffer config) {
        int objectType = Mp4Fields.u8(config);
        config.position(config.position() + 1 + 3 + 4); // streamType, bufferSizeDB, maxBitrate
        long avgBitrate = Mp4Fields.u32(config);
        byte[] specificInfo = new byte[0];
        if (config.remaining() >= 2 && Mp4Fields.u8(config) == DECODER_SPECIFIC_INFO) {
            specificInfo = Mp4InlineBoxes.bytes(descriptor(config));
        }
        return new Mp4Esds(objectType, avgBitrate, specificInfo);
    }

    /** Reads an expandable descriptor length (up to four 7-bit groups) and returns the descriptor's payload. */
    private static ByteBuffer descriptor(ByteBuffer b) {
        int length = 0;
        for (int i = 0; i < 4; i++) {
            int next = Mp4Fields.u8(b);
            length = (length << 7) | (next & 0x7f);
            if ((next & 0x80) == 0) {
                break;
            }
        }
        int end = b.position() + Math.min(length, b.remaining()); // a short last descriptor keeps what is there
        ByteBuffer payload = b.duplicate().limit(end);
        b.position(end);
        return payload;
    }
}
