package org.diva.transcode.codec;

import java.util.Optional;

/**
 * An AC-3 or E-AC-3 sync frame header (ATSC A/52 section 5.4 and annex E): sample rate, channels, bitrate. The
 * bitstream id tells the two apart (up to 10: AC-3, 11 to 16: E-AC-3), so a stream signalled as one and coded as
 * the other is reported as what it is.
 *
 * <p>For E-AC-3 only independent substreams are reported; a 7.1 programme that adds channels in a dependent
 * substream reads as its 5.1 core.
 *
 * @param enhanced        E-AC-3
 * @param sampleRate      samples per second
 * @param channels        full-bandwidth channels plus the LFE channel
 * @param lfe             whether an LFE channel is present
 * @param bitrate         bits per second
 * @param frameLength     bytes in this frame
 * @param samplesPerFrame audio samples per channel in this frame
 * @param dependent       an E-AC-3 dependent substream frame (extra channels for the same time span)
 */
public record Ac3Header(boolean enhanced, int sampleRate, int channels, boolean lfe, int bitrate, int frameLength,
                        int samplesPerFrame, boolean dependent) {
    private static final int HEADER_SIZE = 8;
    private static final int[] AC3_KBPS = {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448,
        512, 576, 640};
    private static final int[] RATES = {48000, 44100, 32000};
    private static final int[] REDUCED_RATES = {24000, 22050, 16000};
    private static final int[] ACMOD_CHANNELS = {2, 1, 2, 3, 3, 4, 4, 5};
    private static final int[] EAC3_BLOCKS = {1, 2, 3, 6};

    public String codecName() {
        return enhanced ? "eac3" : "ac3";
    }

    /** Parses the header at {@code offset}; {@code limit} is the end of the valid data. */
    public static Optional<Ac3Header> parse(byte[] data, int offset, int limit) {
        if (offset < 0 || limit > data.length || limit - offset < HEADER_SIZE
                || (data[offset] & 0xff) != 0x0b || (data[offset + 1] & 0xff) != 0x77) {
            return Optional.empty();
        }
        int bsid = (data[offset + 5] & 0xff) >> 3;
        if (bsid <= 10) {
            return parseAc3(new BitReader(data, offset + 2, HEADER_SIZE - 2), Math.max(0, bsid - 8));
        }
        if (bsid <= 16) {
            return parseEac3(new BitReader(data, offset + 2, HEADER_SIZE - 2));
        }
        return Optional.empty();
    }

    /**
     * Finds the first header in {@code data[0, length)} that the next frame confirms; E-AC-3 dependent substream
     * frames count as confirmation but are never returned.
     */
    public static Optional<Ac3Header> find(byte[] data, int length, boolean endIsBoundary) {
        return FrameScan.find(data, length, endIsBoundary, Ac3Header::parse, Ac3Header::frameLength,
                (a, b) -> a.enhanced == b.enhanced, h -> !h.dependent);
    }

    /** Samples per channel in the complete, consecutive frames of {@code data[0, length)}. */
    public static long countSamples(byte[] data, int length) {
        return FrameScan.countSamples(data, length, Ac3Header::parse, Ac3Header::frameLength,
                h -> h.dependent ? 0 : h.samplesPerFrame, (a, b) -> a.enhanced == b.enhanced);
    }

    /** @param rateShift 1 and 2 for the half- and quarter-rate streams of bsid 9 and 10 (A/52 annex). */
    private static Optional<Ac3Header> parseAc3(BitReader r, int rateShift) {
        r.skipBits(16); // crc1
        int fscod = r.readInt(2);
        int frmsizecod = r.readInt(6);
        if (fscod == 3 || frmsizecod >= 2 * AC3_KBPS.length) {
            return Optional.empty();
        }
        r.skipBits(5 + 3); // bsid, bsmod
        int acmod = r.readInt(3);
        if ((acmod & 1) != 0 && acmod != 1) {
            r.skipBits(2); // cmixlev
        }
        if ((acmod & 4) != 0) {
            r.skipBits(2); // surmixlev
        }
        if (acmod == 2) {
            r.skipBits(2); // dsurmod
        }
        boolean lfe = r.readFlag();
        int kbps = AC3_KBPS[frmsizecod >> 1];
        int words = switch (fscod) {
            case 0 -> 2 * kbps;
            case 1 -> kbps * 320 / 147 + (frmsizecod & 1);
            default -> 3 * kbps;
        };
        return Optional.of(new Ac3Header(false, RATES[fscod] >> rateShift, ACMOD_CHANNELS[acmod] + (lfe ? 1 : 0),
                lfe, (kbps * 1000) >> rateShift, words * 2, 1536, false));
    }

    private static Optional<Ac3Header> parseEac3(BitReader r) {
        int streamType = r.readInt(2);
        r.skipBits(3); // substreamid
        int frameBytes = (r.readInt(11) + 1) * 2;
        int fscod = r.readInt(2);
        int sampleRate;
        int blocks;
        if (fscod == 3) {
            int fscod2 = r.readInt(2);
            if (fscod2 == 3) {
                return Optional.empty();
            }
            sampleRate = REDUCED_RATES[fscod2];
            blocks = 6;
        } else {
            sampleRate = RATES[fscod];
            blocks = EAC3_BLOCKS[r.readInt(2)];
        }
        int acmod = r.readInt(3);
        boolean lfe = r.readFlag();
        if (streamType == 3 || frameBytes < HEADER_SIZE) {
            return Optional.empty();
        }
        int samples = blocks * 256;
        long bitrate = (long) frameBytes * 8 * sampleRate / samples;
        return Optional.of(new Ac3Header(true, sampleRate, ACMOD_CHANNELS[acmod] + (lfe ? 1 : 0), lfe,
                (int) bitrate, frameBytes, samples, streamType == 1));
    }
}
