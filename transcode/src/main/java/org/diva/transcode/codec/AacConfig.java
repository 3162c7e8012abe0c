package org.diva.transcode.codec;

import java.util.Optional;

/**
 * An MPEG-4 AudioSpecificConfig (ISO/IEC 14496-3 section 1.6.2.1), as carried in MP4 esds and Matroska
 * CodecPrivate: object type, sample rate and channels. SBR/PS signalled explicitly are reported as HE-AAC.
 */
public record AacConfig(int objectType, int sampleRate, int channels) {
    private static final int[] SAMPLE_RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000,
        12000, 11025, 8000, 7350};

    public String profileName() {
        return switch (objectType) {
            case 1 -> "Main";
            case 2 -> "LC";
            case 3 -> "SSR";
            case 4 -> "LTP";
            case 5 -> "HE-AAC";
            case 29 -> "HE-AACv2";
            case 23 -> "LD";
            case 39 -> "ELD";
            default -> "object type " + objectType;
        };
    }

    public static Optional<AacConfig> parse(byte[] config) {
        if (config.length < 2) {
            return Optional.empty();
        }
        try {
            BitReader r = new BitReader(config);
            int objectType = readObjectType(r);
            int sampleRate = readSampleRate(r);
            int channelConfig = r.readInt(4);
            if (objectType == 5 || objectType == 29) {
                sampleRate = readSampleRate(r); // extension (output) sample rate
            }
            int channels = channelConfig == 7 ? 8 : channelConfig;
            return Optional.of(new AacConfig(objectType, sampleRate, channels));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Sample rate for an ADTS/ASC sampling_frequency_index, 0 if reserved. */
    public static int sampleRateForIndex(int index) {
        return index >= 0 && index < SAMPLE_RATES.length ? SAMPLE_RATES[index] : 0;
    }

    private static int readObjectType(BitReader r) {
        int type = r.readInt(5);
        return type == 31 ? 32 + r.readInt(6) : type;
    }

    private static int readSampleRate(BitReader r) {
        int index = r.readInt(4);
        return index == 15 ? r.readInt(24) : sampleRateForIndex(index);
    }
}
