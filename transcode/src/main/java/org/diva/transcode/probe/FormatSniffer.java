package org.diva.transcode.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises a file's format from its first bytes (magic numbers), so that a mislabelled file is probed as what
 * it is and a file that is not media at all is reported as such instead of crashing a parser.
 */
public final class FormatSniffer {
    /** Enough for every signature below, including three MPEG-TS packets of 192 bytes. */
    static final int HEAD_BYTES = 4 * 192 + 16;

    public Optional<ContainerFormat> sniff(SeekableByteChannel channel) throws IOException {
        return sniff(ChannelReads.readUpTo(channel, 0, HEAD_BYTES));
    }

    Optional<ContainerFormat> sniff(ByteBuffer head) {
        byte[] b = new byte[head.remaining()];
        head.duplicate().get(b);
        if (b.length < 4) {
            return Optional.empty();
        }
        if (b.length >= 12 && ascii(b, 4, 4).equals("ftyp")) {
            String brand = ascii(b, 8, 4);
            return Optional.of(isHeifBrand(brand) ? ContainerFormat.HEIF : ContainerFormat.MP4);
        }
        if (b.length >= 8 && isQuickTimeTopBox(ascii(b, 4, 4))) {
            return Optional.of(ContainerFormat.MP4);
        }
        if (u8(b, 0) == 0x1A && u8(b, 1) == 0x45 && u8(b, 2) == 0xDF && u8(b, 3) == 0xA3) {
            return Optional.of(ContainerFormat.MATROSKA);
        }
        if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF")) {
            String form = ascii(b, 8, 4);
            if (form.equals("AVI ")) {
                return Optional.of(ContainerFormat.AVI);
            }
            if (form.equals("WAVE")) {
                return Optional.of(ContainerFormat.WAV);
            }
            return Optional.empty();
        }
        if (ascii(b, 0, 4).equals("fLaC")) {
            return Optional.of(ContainerFormat.FLAC);
        }
        if (ascii(b, 0, 4).equals("OggS")) {
            return Optional.of(ContainerFormat.OGG);
        }
        if (u8(b, 0) == 0xFF && u8(b, 1) == 0xD8 && u8(b, 2) == 0xFF) {
            return Optional.of(ContainerFormat.JPEG);
        }
        if (u8(b, 0) == 0x89 && ascii(b, 1, 3).equals("PNG")) {
            return Optional.of(ContainerFormat.PNG);
        }
        if (isTransportStream(b, 0, 188) || isTransportStream(b, 4, 192)) {
            return Optional.of(ContainerFormat.MPEG_TS);
        }
        if (u8(b, 0) == 0 && u8(b, 1) == 0 && u8(b, 2) == 1 && (u8(b, 3) == 0xBA || u8(b, 3) == 0xB3)) {
            return Optional.of(ContainerFormat.MPEG_PS);
        }
        if (ascii(b, 0, 3).equals("ID3")) {
            return Optional.of(ContainerFormat.MP3);
        }
        if (u8(b, 0) == 0xFF && (u8(b, 1) & 0xF6) == 0xF0) {
            return Optional.of(ContainerFormat.AAC_ADTS);
        }
        if (u8(b, 0) == 0xFF && (u8(b, 1) & 0xE0) == 0xE0 && ((u8(b, 1) >> 1) & 3) != 0
                && (u8(b, 2) >> 4) != 0xF) {
            return Optional.of(ContainerFormat.MP3);
        }
        return Optional.empty();
    }

    private static boolean isHeifBrand(String brand) {
        return switch (brand) {
            case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif" -> true;
            default -> false;
        };
    }

    private static boolean isQuickTimeTopBox(String type) {
        return switch (type) {
            case "moov", "mdat", "wide", "free", "skip", "pnot" -> true;
            default -> false;
        };
    }

    /** Three sync bytes in a row at the packet stride: one 0x47 is too common in arbitrary data. */
    private static boolean isTransportStream(byte[] b, int first, int stride) {
        for (int i = 0; i < 3; i++) {
            int at = first + i * stride;
            if (at >= b.length || u8(b, at) != 0x47) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    private static String ascii(byte[] b, int offset, int length) {
        return offset + length <= b.length ? new String(b, offset, length, StandardCharsets.ISO_8859_1) : "";
    }
}
