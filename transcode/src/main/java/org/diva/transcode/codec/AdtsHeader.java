package org.diva.transcode.codec;

import java.util.Optional;

/**
 * An AAC ADTS frame header (ISO/IEC 13818-7 section 6.2, ISO/IEC 14496-3 section 1.A.2.2), the framing AAC has in
 * MPEG-TS (stream type 0x0F) and in .aac files: object type, sample rate and channel configuration.
 *
 * @param objectType  MPEG-4 audio object type (profile + 1): 1 Main, 2 LC, 3 SSR, 4 LTP
 * @param sampleRate  samples per second
 * @param channels    channel count; 0 when the channel configuration is 0 (given by a program config element)
 * @param frameLength bytes in this frame, header included
 * @param rawBlocks   AAC raw data blocks in the frame (1..4)
 */
public record AdtsHeader(int objectType, int sampleRate, int channels, int frameLength, int rawBlocks) {
    private static final int HEADER_SIZE = 7;

    /** "LC", "Main", ...; ADTS cannot signal SBR, so HE-AAC carried in ADTS reads as LC, as in ffprobe. */
    public String profileName() {
        return new AacConfig(objectType, sampleRate, channels).profileName();
    }

    public int samplesPerFrame() {
        return 1024 * rawBlocks;
    }

    /** Parses the header at {@code offset}; {@code limit} is the end of the valid data. */
    public static Optional<AdtsHeader> parse(byte[] data, int offset, int limit) {
        if (offset < 0 || limit > data.length || limit - offset < HEADER_SIZE) {
            return Optional.empty();
        }
        int b1 = data[offset + 1] & 0xff;
        if ((data[offset] & 0xff) != 0xff || (b1 & 0xf6) != 0xf0) { // 12-bit sync, layer 00
            return Optional.empty();
        }
        BitReader r = new BitReader(data, offset + 2, HEADER_SIZE - 2);
        int profile = r.readInt(2);
        int rateIndex = r.readInt(4);
        r.skipBits(1); // private_bit
        int channelConfig = r.readInt(3);
        r.skipBits(4); // original_copy, home, copyright_identification bit and start
        int frameLength = r.readInt(13);
        r.skipBits(11); // adts_buffer_fullness
        int rawBlocks = r.readInt(2) + 1;
        int sampleRate = AacConfig.sampleRateForIndex(rateIndex);
        boolean protectionAbsent = (b1 & 1) == 1;
        if (sampleRate == 0 || frameLength < (protectionAbsent ? HEADER_SIZE : HEADER_SIZE + 2)) {
            return Optional.empty();
        }
        int channels = channelConfig == 7 ? 8 : channelConfig;
        return Optional.of(new AdtsHeader(profile + 1, sampleRate, channels, frameLength, rawBlocks));
    }

    /**
     * Finds the first ADTS header in {@code data[0, length)} that the next frame confirms.
     *
     * @param endIsBoundary whether the stream ends with the data (a last lone frame then counts)
     */
    public static Optional<AdtsHeader> find(byte[] data, int length, boolean endIsBoundary) {
        return FrameScan.find(data, length, endIsBoundary, AdtsHeader::parse, AdtsHeader::frameLength,
                AdtsHeader::sameStream);
    }

    /** Samples in the complete, consecutive frames of {@code data[0, length)}, from the first confirmed one. */
    public static long countSamples(byte[] data, int length) {
        return FrameScan.countSamples(data, length, AdtsHeader::parse, AdtsHeader::frameLength,
                AdtsHeader::samplesPerFrame, AdtsHeader::sameStream);
    }

    private static boolean sameStream(AdtsHeader a, AdtsHeader b) {
        return a.objectType == b.objectType && a.sampleRate == b.sampleRate && a.channels == b.channels;
    }
}
