package org.diva.transcode.codec;

import java.util.Optional;

/**
 * The per-packet header of linear PCM on optical discs: DVD-Video LPCM in MPEG-PS private stream 1 (substreams
 * 0xA0-0xA7) and Blu-ray LPCM in M2TS (stream type 0x80). Neither stream has a sync word; every PES packet states
 * the format.
 *
 * @param sampleRate    samples per second
 * @param channels      channel count
 * @param bitsPerSample 16, 20 or 24
 */
public record LpcmHeader(int sampleRate, int channels, int bitsPerSample) {
    /** Bytes of the DVD LPCM header that follow the substream id (frame count, pointer, format, dynamic range). */
    public static final int DVD_HEADER_SIZE = 6;
    /** Bytes of the Blu-ray LPCM header at the start of each PES payload. */
    public static final int BLURAY_HEADER_SIZE = 4;

    private static final int[] DVD_RATES = {48000, 96000, 44100, 32000};
    private static final int[] BLURAY_CHANNELS = {0, 1, 0, 2, 3, 3, 4, 4, 5, 6, 7, 8, 0, 0, 0, 0};

    public long bitrate() {
        return (long) sampleRate * channels * bitsPerSample;
    }

    /**
     * Parses the DVD LPCM header at {@code offset}, the byte after the substream id (DVD-Video specification,
     * as read by ffmpeg's mpeg.c and pcm-dvd.c).
     */
    public static Optional<LpcmHeader> parseDvd(byte[] data, int offset, int limit) {
        if (offset < 0 || limit > data.length || limit - offset < DVD_HEADER_SIZE) {
            return Optional.empty();
        }
        int format = data[offset + 4] & 0xff;
        int bits = 16 + 4 * (format >> 6);
        if (bits > 24) {
            return Optional.empty();
        }
        return Optional.of(new LpcmHeader(DVD_RATES[(format >> 4) & 3], (format & 7) + 1, bits));
    }

    /** Parses the Blu-ray LPCM header at the start of a PES payload (as read by ffmpeg's pcm-bluray.c). */
    public static Optional<LpcmHeader> parseBluray(byte[] data, int offset, int limit) {
        if (offset < 0 || limit > data.length || limit - offset < BLURAY_HEADER_SIZE) {
            return Optional.empty();
        }
        int layout = (data[offset + 2] & 0xff) >> 4;
        int rate = switch (data[offset + 2] & 0xf) {
            case 1 -> 48000;
            case 4 -> 96000;
            case 5 -> 192000;
            default -> 0;
        };
        int bits = switch ((data[offset + 3] & 0xff) >> 6) {
            case 1 -> 16;
            case 2 -> 20;
            case 3 -> 24;
            default -> 0;
        };
        int channels = BLURAY_CHANNELS[layout];
        if (rate == 0 || bits == 0 || channels == 0) {
            return Optional.empty();
        }
        return Optional.of(new LpcmHeader(rate, channels, bits));
    }
}
