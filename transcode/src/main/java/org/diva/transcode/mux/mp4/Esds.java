package org.diva.transcode.mux.mp4;

/**
 * The 'esds' box (ISO/IEC 14496-14 section 5.6): an ES_Descriptor (14496-1 section 7.2.6.5) holding the decoder
 * configuration and, for AAC, the AudioSpecificConfig as DecoderSpecificInfo.
 */
final class Esds {
    private static final int ES_DESCRIPTOR = 3;
    private static final int DECODER_CONFIG = 4;
    private static final int DECODER_SPECIFIC = 5;
    private static final int SL_CONFIG = 6;
    private static final int AUDIO_STREAM = 0x05;

    private Esds() {
    }

    static void write(BoxBuffer b, int esId, int objectType, byte[] specificInfo) {
        int specific = specificInfo.length == 0 ? 0 : descriptorSize(specificInfo.length);
        int decoderConfig = 13 + specific;
        int es = 3 + descriptorSize(decoderConfig) + descriptorSize(1);
        int box = b.beginFull("esds", 0, 0);
        tag(b, ES_DESCRIPTOR, es);
        b.u16(esId & 0xffff);
        b.u8(0); // no dependency, URL or OCR stream
        tag(b, DECODER_CONFIG, decoderConfig);
        b.u8(objectType);
        b.u8(AUDIO_STREAM << 2 | 1); // streamType, upStream 0, reserved 1
        b.u24(0); // bufferSizeDB: unknown
        b.u32(0); // maxBitrate
        b.u32(0); // avgBitrate: 0 is "variable or unknown"
        if (specificInfo.length > 0) {
            tag(b, DECODER_SPECIFIC, specificInfo.length);
            b.bytes(specificInfo);
        }
        tag(b, SL_CONFIG, 1);
        b.u8(2); // predefined: reserved for MP4 files
        b.end(box);
    }

    /** A descriptor's tag and its size in the 7-bits-a-byte form of 14496-1 section 8.3.3. */
    private static void tag(BoxBuffer b, int tag, int size) {
        b.u8(tag);
        int shift = 21;
        while (shift > 0 && (size >>> shift) == 0) {
            shift -= 7;
        }
        for (; shift > 0; shift -= 7) {
            b.u8(0x80 | ((size >>> shift) & 0x7f));
        }
        b.u8(size & 0x7f);
    }

    private static int descriptorSize(int contents) {
        int lengthBytes = contents < 0x80 ? 1 : contents < 0x4000 ? 2 : contents < 0x200000 ? 3 : 4;
        return 1 + lengthBytes + contents;
    }
}
