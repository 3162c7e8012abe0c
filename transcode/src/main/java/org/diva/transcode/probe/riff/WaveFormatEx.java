package org.diva.transcode.probe.riff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.codec.AacConfig;
import org.diva.transcode.probe.AudioTrack;

/**
 * A WAVEFORMATEX (Microsoft mmreg.h), as in an AVI audio stream's strf chunk and a Matroska A_MS/ACM
 * CodecPrivate: little-endian format tag, channels, sample rate and average bytes per second, then codec data.
 * WAVE_FORMAT_EXTENSIBLE is resolved to the tag its SubFormat GUID carries.
 */
public record WaveFormatEx(int formatTag, int channels, int sampleRate, long avgBytesPerSecond, int bitsPerSample,
                    byte[] extra) {
    private static final int EXTENSIBLE = 0xFFFE;
    private static final int MPEG_HEAAC = 0x1610;

    /** Parses the structure, or empty when fewer than the 16 bytes of a PCMWAVEFORMAT are there. */
    public static Optional<WaveFormatEx> parse(byte[] data) {
        if (data.length < 16) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int tag = b.getShort(0) & 0xffff;
        int channels = b.getShort(2) & 0xffff;
        long rate = b.getInt(4) & 0xffffffffL;
        long avgBytes = b.getInt(8) & 0xffffffffL;
        int bits = b.getShort(14) & 0xffff;
        byte[] extra = new byte[0];
        if (data.length >= 18) {
            int cbSize = b.getShort(16) & 0xffff;
            extra = Arrays.copyOfRange(data, 18, Math.min(data.length, 18 + cbSize));
        }
        if (tag == EXTENSIBLE && extra.length >= 22) {
            tag = (extra[6] & 0xff) | (extra[7] & 0xff) << 8; // first two bytes of the SubFormat GUID
        }
        return Optional.of(new WaveFormatEx(tag, channels, rate > Integer.MAX_VALUE ? 0 : (int) rate, avgBytes,
                bits, extra));
    }

    String codec() {
        return RiffCodecs.audioCodec(formatTag);
    }

    /** The AAC profile from the AudioSpecificConfig in the codec data, for the AAC tags that carry one. */
    Optional<String> profile() {
        if (!codec().equals("aac")) {
            return Optional.empty();
        }
        // MPEG_HEAAC puts a 12-byte HEAACWAVEINFO before the AudioSpecificConfig.
        byte[] config = formatTag == MPEG_HEAAC && extra.length > 12
                ? Arrays.copyOfRange(extra, 12, extra.length) : extra;
        return AacConfig.parse(config).map(AacConfig::profileName);
    }

    /** The track this structure describes; its bitrate is the stated average bytes per second. */
    public AudioTrack toTrack(Optional<String> language) {
        return new AudioTrack(codec(), profile(), AudioTrack.positive(channels), AudioTrack.positive(sampleRate),
                avgBytesPerSecond > 0 ? OptionalLong.of(avgBytesPerSecond * 8) : OptionalLong.empty(), language);
    }

    OptionalInt bitDepth() {
        return bitsPerSample > 0 ? OptionalInt.of(bitsPerSample) : OptionalInt.empty();
    }
}
