package org.diva.transcode.codec;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An MPEG-1/MPEG-2 video sequence header (ISO/IEC 13818-2 sections 6.2.2.1 and 6.2.2.3, ISO/IEC 11172-2 section
 * 2.4.2.3) with, for MPEG-2, its sequence extension: picture size, frame rate, aspect ratio, bitrate, profile and
 * level, and whether the sequence may hold interlaced pictures. A sequence header followed by a sequence
 * extension is MPEG-2; without one it is MPEG-1 (13818-2 section 6.1.1.6 makes the extension mandatory).
 *
 * @param mpeg2               whether a sequence extension follows
 * @param width               horizontal size in pixels, extension bits included
 * @param height              vertical size in pixels, extension bits included
 * @param aspectRatioCode     aspect_ratio_information (MPEG-2) or pel_aspect_ratio (MPEG-1), 1..15
 * @param frameRate           frames per second, 0 when the code is reserved
 * @param bitrate             bits per second as signalled (an upper bound for VBR MPEG-2), 0 for the 0x3FFFF
 *                            that marks variable bitrate
 * @param profileAndLevel     profile_and_level_indication, -1 for MPEG-1
 * @param progressiveSequence progressive_sequence (always true for MPEG-1)
 * @param chromaFormat        1 = 4:2:0, 2 = 4:2:2, 3 = 4:4:4
 */
public record Mpeg2SequenceHeader(boolean mpeg2, int width, int height, int aspectRatioCode, double frameRate,
                                  long bitrate, int profileAndLevel, boolean progressiveSequence, int chromaFormat) {
    private static final int SEQUENCE_HEADER = 0xb3;
    private static final int EXTENSION = 0xb5;
    private static final double[] FRAME_RATES = {0, 24000 / 1001.0, 24, 25, 30000 / 1001.0, 30, 50,
        60000 / 1001.0, 60};

    public String codecName() {
        return mpeg2 ? "mpeg2video" : "mpeg1video";
    }

    /** Whether pictures may be coded as fields or interlaced frames (progressive_sequence = 0). */
    public boolean interlaced() {
        return !progressiveSequence;
    }

    public OptionalDouble frameRateIfKnown() {
        return frameRate > 0 ? OptionalDouble.of(Math.round(frameRate * 1000) / 1000.0) : OptionalDouble.empty();
    }

    /** "Main", "High", "Simple", "4:2:2", ... as ffprobe writes them; empty for MPEG-1. */
    public Optional<String> profileName() {
        if (profileAndLevel < 0) {
            return Optional.empty();
        }
        if ((profileAndLevel & 0x80) != 0) {
            return switch (profileAndLevel) {
                case 0x82, 0x85 -> Optional.of("4:2:2");
                case 0x8a, 0x8b, 0x8d, 0x8e -> Optional.of("Multiview");
                default -> Optional.empty();
            };
        }
        return switch ((profileAndLevel >> 4) & 7) {
            case 1 -> Optional.of("High");
            case 2 -> Optional.of("Spatially Scalable");
            case 3 -> Optional.of("SNR Scalable");
            case 4 -> Optional.of("Main");
            case 5 -> Optional.of("Simple");
            default -> Optional.empty();
        };
    }

    /** "Low", "Main", "High 1440" or "High"; empty for MPEG-1. */
    public Optional<String> levelName() {
        if (profileAndLevel < 0) {
            return Optional.empty();
        }
        int level = switch (profileAndLevel) {
            case 0x82, 0x8a -> 4;
            case 0x85, 0x8d -> 8;
            case 0x8b -> 6;
            case 0x8e -> 10;
            default -> (profileAndLevel & 0x80) != 0 ? -1 : profileAndLevel & 0xf;
        };
        return switch (level) {
            case 4 -> Optional.of("High");
            case 6 -> Optional.of("High 1440");
            case 8 -> Optional.of("Main");
            case 10 -> Optional.of("Low");
            default -> Optional.empty();
        };
    }

    /** The display aspect ratio the MPEG-2 header states ("4:3", "16:9", "2.21:1"); empty for square pixels. */
    public Optional<String> displayAspectRatio() {
        if (!mpeg2) {
            return Optional.empty();
        }
        return switch (aspectRatioCode) {
            case 2 -> Optional.of("4:3");
            case 3 -> Optional.of("16:9");
            case 4 -> Optional.of("2.21:1");
            default -> Optional.empty();
        };
    }

    /**
     * Finds the first complete sequence header in {@code data[0, length)}, an elementary stream.
     *
     * @param endIsBoundary whether the stream ends with the data; otherwise a header that the data does not show
     *                      to be complete (no start code after it) is left for a later call with more data
     */
    public static Optional<Mpeg2SequenceHeader> find(byte[] data, int length, boolean endIsBoundary) {
        int limit = Math.min(length, data.length);
        for (int i = nextStartCode(data, 0, limit); i >= 0; i = nextStartCode(data, i + 3, limit)) {
            if ((data[i + 3] & 0xff) != SEQUENCE_HEADER) {
                continue;
            }
            try {
                Optional<Mpeg2SequenceHeader> header = parseAt(data, i + 4, limit, endIsBoundary);
                if (header.isPresent()) {
                    return header;
                }
            } catch (IllegalStateException truncated) {
                // the header runs past the data; a later start code may hold a whole one
            }
        }
        return Optional.empty();
    }

    private static Optional<Mpeg2SequenceHeader> parseAt(byte[] data, int from, int limit, boolean endIsBoundary) {
        BitReader r = new BitReader(data, from, limit - from);
        int width = r.readInt(12);
        int height = r.readInt(12);
        int aspect = r.readInt(4);
        int rateCode = r.readInt(4);
        long bitrateValue = r.readBits(18);
        boolean marker = r.readFlag();
        r.skipBits(10 + 1); // vbv_buffer_size_value, constrained_parameters_flag
        int matrices = 0;
        if (r.readFlag()) { // load_intra_quantiser_matrix
            r.skipBits(64 * 8);
            matrices++;
        }
        if (r.readFlag()) { // load_non_intra_quantiser_matrix
            r.skipBits(64 * 8);
            matrices++;
        }
        if (width == 0 || height == 0 || aspect == 0 || !marker) {
            return Optional.empty();
        }
        int next = nextStartCode(data, from + 8 + 64 * matrices, limit);
        if (next < 0) {
            return Optional.empty(); // cannot tell MPEG-1 from MPEG-2 yet, or the header is cut off
        }
        double frameRate = rateCode < FRAME_RATES.length ? FRAME_RATES[rateCode] : 0;
        long bitrate = bitrateValue == 0x3ffff ? 0 : bitrateValue * 400;
        boolean extension = (data[next + 3] & 0xff) == EXTENSION && next + 10 <= limit
                && ((data[next + 4] & 0xff) >> 4) == 1;
        if (!extension) {
            if ((data[next + 3] & 0xff) == EXTENSION && !endIsBoundary) {
                return Optional.empty(); // an extension whose bytes have not arrived yet
            }
            return Optional.of(new Mpeg2SequenceHeader(false, width, height, aspect, frameRate, bitrate, -1, true,
                    1));
        }
        BitReader x = new BitReader(data, next + 4, 6);
        x.skipBits(4); // extension_start_code_identifier
        int profileAndLevel = x.readInt(8);
        boolean progressive = x.readFlag();
        int chroma = x.readInt(2);
        width |= x.readInt(2) << 12;
        height |= x.readInt(2) << 12;
        long bitrateExtension = x.readBits(12);
        x.skipBits(1 + 8 + 1); // marker, vbv_buffer_size_extension, low_delay
        int rateN = x.readInt(2);
        int rateD = x.readInt(5);
        // 0x3FFFF without extension bits is how encoders (ffmpeg among them) mark VBR, as in MPEG-1.
        long mpeg2Bitrate = bitrateExtension == 0 && bitrateValue == 0x3ffff ? 0
                : ((bitrateExtension << 18) | bitrateValue) * 400;
        return Optional.of(new Mpeg2SequenceHeader(true, width, height, aspect, frameRate * (rateN + 1) / (rateD + 1),
                mpeg2Bitrate, profileAndLevel, progressive, chroma));
    }

    /** The index of the next 00 00 01 xx start code at or after {@code from}, or -1. */
    static int nextStartCode(byte[] data, int from, int limit) {
        for (int i = Math.max(0, from); i + 3 < limit; i++) {
            if (data[i + 2] == 1 && data[i] == 0 && data[i + 1] == 0) {
                return i;
            }
        }
        return -1;
    }
}
