package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;

/**
 * A decoding table for one prefix-free variable-length code of 14496-10 9.2 (coeff_token, total_zeros, run_before),
 * built from the code/length lists our encoder writes with ({@code org.diva.transcode.video.h264.CavlcTables}).
 *
 * <p>All these codes are a run of leading zeros, a 1, then a few more bits. A decode counts the leading zeros of the
 * next 32 bits (one instruction) and indexes a small table for that count with the bits after the 1, so every code
 * is found with one lookup and no loop. A code made only of zeros (e.g. "0000000" of the chroma DC coeff_token) is
 * filed under its own length: no other code can start with that many zeros.
 */
final class CavlcVlc {
    /** [leading zeros][bits after the 1] -> value | length << 16, or -1 where no code exists. */
    private final int[][] table;
    /** How many bits after the 1 index {@link #table}'s row. */
    private final int[] suffixBits;
    /** Length of the all-zero code, or 33 when there is none. */
    private final int zeroCodeLength;
    private final String name;

    /** Codes with length 0 are absent and skipped; values[i] is returned for codes[i]. */
    CavlcVlc(String name, int[] codes, int[] lengths, int[] values) {
        this.name = name;
        int rows = 0;
        int zeroLength = 33;
        for (int i = 0; i < codes.length; i++) {
            if (lengths[i] > 0) {
                rows = Math.max(rows, zeros(codes[i], lengths[i]) + 1);
                if (codes[i] == 0) {
                    zeroLength = lengths[i];
                }
            }
        }
        zeroCodeLength = zeroLength;
        suffixBits = new int[rows];
        for (int i = 0; i < codes.length; i++) {
            if (lengths[i] > 0) {
                int z = zeros(codes[i], lengths[i]);
                suffixBits[z] = Math.max(suffixBits[z], suffix(codes[i], lengths[i]));
            }
        }
        table = new int[rows][];
        for (int z = 0; z < rows; z++) {
            table[z] = new int[1 << suffixBits[z]];
            java.util.Arrays.fill(table[z], -1);
        }
        for (int i = 0; i < codes.length; i++) {
            if (lengths[i] > 0) {
                int z = zeros(codes[i], lengths[i]);
                int s = suffix(codes[i], lengths[i]);
                int free = suffixBits[z] - s;
                int first = (codes[i] & ((1 << s) - 1)) << free;
                for (int k = 0; k < 1 << free; k++) {
                    if (table[z][first + k] != -1) {
                        throw new IllegalStateException(name + " is not prefix-free at code " + i);
                    }
                    table[z][first + k] = values[i] | lengths[i] << 16;
                }
            }
        }
    }

    private static int zeros(int code, int length) {
        return code == 0 ? length : length - (32 - Integer.numberOfLeadingZeros(code));
    }

    private static int suffix(int code, int length) {
        return code == 0 ? 0 : length - zeros(code, length) - 1;
    }

    /** Reads one code and returns its value. */
    int decode(CavlcBits bits) throws MediaFormatException {
        int peek = bits.peek32();
        int z = Math.min(Integer.numberOfLeadingZeros(peek), zeroCodeLength);
        if (z < table.length) {
            int k = suffixBits[z];
            int entry = table[z][k == 0 ? 0 : (peek << (z + 1)) >>> (32 - k)];
            if (entry >= 0) {
                bits.skip(entry >>> 16);
                return entry & 0xffff;
            }
        }
        throw new MediaFormatException("H.264 CAVLC: no " + name + " code matches the bits at bit "
                + bits.position() + " (byte " + (bits.position() >> 3) + ")");
    }
}
