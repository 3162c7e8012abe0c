package org.diva.transcode.probe.mp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Decoding of the small fixed fields MP4 boxes are made of, and the wording of MP4 error messages. */
public final class Mp4Fields {
    private Mp4Fields() {
    }

    /** Formats with a fixed locale so messages (and the tests that read them) do not depend on the machine. */
    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static String fourcc(ByteBuffer buffer) {
        byte[] code = new byte[4];
        buffer.get(code);
        return new String(code, StandardCharsets.ISO_8859_1);
    }

    static String fourcc(int code) {
        byte[] bytes = {(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code};
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** True for codes made of printable characters (and '©'), as every real box type is. */
    static boolean isPrintable(String type) {
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if ((c < 0x20 || c > 0x7e) && c != 0xa9) {
                return false;
            }
        }
        return true;
    }

    /** A type for a message: 'moov', or its bytes in hex when they are not printable. */
    static String quote(String type) {
        if (isPrintable(type)) {
            return "'" + type + "'";
        }
        StringBuilder hex = new StringBuilder("0x");
        for (int i = 0; i < type.length(); i++) {
            hex.append(String.format(Locale.ROOT, "%02x", (int) type.charAt(i) & 0xff));
        }
        return hex.toString();
    }

    static long u32(ByteBuffer buffer) {
        return buffer.getInt() & 0xffff_ffffL;
    }

    static int u16(ByteBuffer buffer) {
        return buffer.getShort() & 0xffff;
    }

    static int u8(ByteBuffer buffer) {
        return buffer.get() & 0xff;
    }

    /**
     * Converts a duration in timescale units to milliseconds without overflowing; empty for an unknown duration (0, or
     * all ones as the field's "indefinite") or a timescale of 0.
     */
    static OptionalLong millis(long duration, long timescale, boolean sixtyFourBit) {
        boolean indefinite = sixtyFourBit ? duration == -1 : duration == 0xffff_ffffL;
        if (indefinite || duration <= 0 || timescale <= 0 || duration / timescale > Long.MAX_VALUE / 1000) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(duration / timescale * 1000 + duration % timescale * 1000 / timescale);
    }

    /**
     * The mdhd language: three 5-bit letters (ISO 639-2/T, ISO/IEC 14496-12 section 8.4.2.3). QuickTime also allows
     * Macintosh language codes below 0x400 and 0x7fff for "unspecified"; DiVA reads those as not tagged, as does
     * "und".
     */
    public static Optional<String> language(int packed) {
        if (packed < 0x400 || packed == 0x7fff) {
            return Optional.empty();
        }
        char[] letters = new char[3];
        for (int i = 0; i < 3; i++) {
            int letter = (packed >> (10 - 5 * i)) & 0x1f;
            if (letter < 1 || letter > 26) {
                return Optional.empty();
            }
            letters[i] = (char) ('a' - 1 + letter);
        }
        String code = new String(letters);
        return code.equals("und") ? Optional.empty() : Optional.of(code);
    }
}
