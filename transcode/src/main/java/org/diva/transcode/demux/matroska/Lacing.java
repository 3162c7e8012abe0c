package org.diva.transcode.demux.matroska;

import java.util.Locale;
import org.diva.transcode.probe.MediaFormatException;

/**
 * Splits a laced Block into its frames (RFC 9559 section 10.3, "Block Lacing"). The lacing bits of the Block flags
 * choose the scheme: Xiph lacing writes each size but the last as a run of 255s plus a final byte; EBML lacing
 * writes the first size as an EBML unsigned integer and each next one as a signed difference (a vint minus half
 * its range); fixed lacing divides the rest evenly. The last frame always takes what remains. Every size is
 * checked against the bytes left, so a hostile lace can neither read past the Block nor allocate anything.
 */
final class Lacing {
    static final int NONE = 0;
    static final int XIPH = 1;
    static final int FIXED = 2;
    static final int EBML = 3;

    private Lacing() {
    }

    /**
     * The frames of {@code data[start..end)} (just after the flags byte) as (offset, length) pairs.
     *
     * @param where the Block's byte offset in the file, for messages
     */
    static int[][] split(byte[] data, int start, int end, int lacing, long where) throws MediaFormatException {
        if (lacing == NONE) {
            return new int[][] {{start, end - start}};
        }
        if (start >= end) {
            throw damage("laced Block has no lace count", where);
        }
        int count = (data[start] & 0xff) + 1;
        int position = start + 1;
        long[] sizes = new long[count];
        switch (lacing) {
            case XIPH -> {
                for (int i = 0; i < count - 1; i++) {
                    long size = 0;
                    int b;
                    do {
                        if (position >= end) {
                            throw damage("Xiph lace sizes run past the Block", where);
                        }
                        b = data[position++] & 0xff;
                        size += b;
                    } while (b == 255);
                    sizes[i] = size;
                }
            }
            case EBML -> {
                long[] read = vint(data, position, end, where);
                sizes[0] = read[0];
                position = (int) read[1];
                for (int i = 1; i < count - 1; i++) {
                    read = vint(data, position, end, where);
                    int length = (int) (read[1] - position);
                    long bias = (1L << (7 * length - 1)) - 1;
                    sizes[i] = sizes[i - 1] + (read[0] - bias);
                    position = (int) read[1];
                }
            }
            case FIXED -> {
                int rest = end - position;
                if (rest % count != 0) {
                    throw damage(String.format(Locale.ROOT, "fixed lacing of %d frames cannot split %d bytes",
                            count, rest), where);
                }
                for (int i = 0; i < count - 1; i++) {
                    sizes[i] = rest / count;
                }
            }
            default -> throw new IllegalArgumentException("lacing " + lacing);
        }
        int[][] frames = new int[count][];
        for (int i = 0; i < count - 1; i++) {
            if (sizes[i] < 0 || sizes[i] > end - position) {
                throw damage(String.format(Locale.ROOT, "lace %d of %d claims %d bytes but %d remain", i + 1, count,
                        sizes[i], end - position), where);
            }
            frames[i] = new int[] {position, (int) sizes[i]};
            position += (int) sizes[i];
        }
        frames[count - 1] = new int[] {position, end - position};
        return frames;
    }

    /** An EBML unsigned vint at {@code position}: {value, position after it}. */
    static long[] vint(byte[] data, int position, int end, long where) throws MediaFormatException {
        if (position >= end) {
            throw damage("a variable-length integer runs past the Block", where);
        }
        int first = data[position] & 0xff;
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || position + length > end) {
            throw damage("invalid variable-length integer", where);
        }
        long value = first & (0xff >> length);
        for (int i = 1; i < length; i++) {
            value = (value << 8) | (data[position + i] & 0xff);
        }
        return new long[] {value, position + length};
    }

    static MediaFormatException damage(String problem, long where) {
        return new MediaFormatException(String.format(Locale.ROOT, "damaged Matroska Block at byte %,d: %s",
                where, problem));
    }
}
