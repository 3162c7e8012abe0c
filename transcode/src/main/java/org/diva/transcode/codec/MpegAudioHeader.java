package org.diva.transcode.codec;

import java.util.Optional;

/**
 * An MPEG-1/MPEG-2 audio frame header (ISO/IEC 11172-3 section 2.4.2.3, ISO/IEC 13818-3, and the unofficial
 * MPEG-2.5 extension): layer, bitrate, sample rate, channels. Free-format streams (bitrate index 0) are not
 * recognised: their frame length cannot be read from the header, so a sync cannot be confirmed.
 *
 * @param version         1 (MPEG-1), 2 (MPEG-2 low sampling frequencies) or 25 (MPEG-2.5)
 * @param layer           1, 2 or 3
 * @param bitrate         bits per second
 * @param sampleRate      samples per second
 * @param channels        1 (mono) or 2
 * @param frameLength     bytes in this frame, header included
 * @param samplesPerFrame samples per channel in this frame
 */
public record MpegAudioHeader(int version, int layer, int bitrate, int sampleRate, int channels, int frameLength,
                              int samplesPerFrame) {
    private static final int[][] KBPS = {
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // MPEG-1 layer II
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // MPEG-1 layer III
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // MPEG-2/2.5 layer I
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         // MPEG-2/2.5 layers II, III
    };
    private static final int[] MPEG1_RATES = {44100, 48000, 32000};

    /** mp1, mp2 or mp3, as ffprobe names them. */
    public String codecName() {
        return "mp" + layer;
    }

    /** Parses the header at {@code offset}; {@code limit} is the end of the valid data. */
    public static Optional<MpegAudioHeader> parse(byte[] data, int offset, int limit) {
        if (offset < 0 || limit > data.length || limit - offset < 4) {
            return Optional.empty();
        }
        int b1 = data[offset + 1] & 0xff;
        int b2 = data[offset + 2] & 0xff;
        int b3 = data[offset + 3] & 0xff;
        if ((data[offset] & 0xff) != 0xff || (b1 & 0xe0) != 0xe0) { // 11-bit sync
            return Optional.empty();
        }
        int versionBits = (b1 >> 3) & 3;
        int layer = 4 - ((b1 >> 1) & 3);
        int bitrateIndex = b2 >> 4;
        int rateIndex = (b2 >> 2) & 3;
        if (versionBits == 1 || layer == 4 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3
                || (b3 & 3) == 2) { // reserved version, layer, bitrate, rate, emphasis
            return Optional.empty();
        }
        int version = versionBits == 3 ? 1 : versionBits == 2 ? 2 : 25;
        int table = version == 1 ? layer - 1 : layer == 1 ? 3 : 4;
        int bitrate = KBPS[table][bitrateIndex] * 1000;
        int sampleRate = MPEG1_RATES[rateIndex] / (version == 1 ? 1 : version == 2 ? 2 : 4);
        int padding = (b2 >> 1) & 1;
        int samples = layer == 1 ? 384 : layer == 2 || version == 1 ? 1152 : 576;
        int frameLength = layer == 1
                ? (12 * bitrate / sampleRate + padding) * 4
                : samples / 8 * bitrate / sampleRate + padding;
        int channels = (b3 >> 6) == 3 ? 1 : 2;
        return Optional.of(new MpegAudioHeader(version, layer, bitrate, sampleRate, channels, frameLength, samples));
    }

    /** Finds the first header in {@code data[0, length)} that the next frame confirms. */
    public static Optional<MpegAudioHeader> find(byte[] data, int length, boolean endIsBoundary) {
        return FrameScan.find(data, length, endIsBoundary, MpegAudioHeader::parse, MpegAudioHeader::frameLength,
                MpegAudioHeader::sameStream);
    }

    /** Samples per channel in the complete, consecutive frames of {@code data[0, length)}. */
    public static long countSamples(byte[] data, int length) {
        return FrameScan.countSamples(data, length, MpegAudioHeader::parse, MpegAudioHeader::frameLength,
                MpegAudioHeader::samplesPerFrame, MpegAudioHeader::sameStream);
    }

    private static boolean sameStream(MpegAudioHeader a, MpegAudioHeader b) {
        return a.version == b.version && a.layer == b.layer && a.sampleRate == b.sampleRate;
    }
}
