package org.diva.transcode.codec;

/**
 * Reads a byte array bit by bit, most significant bit first, with the Exp-Golomb codes of H.264/H.265
 * (ITU-T H.264 section 9.1). Reading past the end throws {@link IllegalStateException}, which header parsers turn
 * into a format error.
 */
public final class BitReader {
    private final byte[] data;
    private final int limitBits;
    private int position;

    public BitReader(byte[] data) {
        this(data, 0, data.length);
    }

    public BitReader(byte[] data, int offset, int length) {
        this.data = data;
        this.position = offset * 8;
        this.limitBits = (offset + length) * 8;
    }

    public int readBit() {
        if (position >= limitBits) {
            throw new IllegalStateException("header ends early at bit " + position);
        }
        int bit = (data[position >> 3] >> (7 - (position & 7))) & 1;
        position++;
        return bit;
    }

    public boolean readFlag() {
        return readBit() == 1;
    }

    /** Reads {@code count} (0..32) bits as an unsigned value. */
    public long readBits(int count) {
        if (count < 0 || count > 32) {
            throw new IllegalArgumentException("bit count " + count);
        }
        long value = 0;
        for (int i = 0; i < count; i++) {
            value = (value << 1) | readBit();
        }
        return value;
    }

    public int readInt(int count) {
        return (int) readBits(count);
    }

    public void skipBits(int count) {
        if (position + (long) count > limitBits) {
            throw new IllegalStateException("header ends early at bit " + position);
        }
        position += count;
    }

    /** ue(v): unsigned Exp-Golomb. */
    public int readUE() {
        int leadingZeros = 0;
        while (readBit() == 0) {
            if (++leadingZeros > 31) {
                throw new IllegalStateException("invalid Exp-Golomb code at bit " + position);
            }
        }
        return (int) ((1L << leadingZeros) - 1 + readBits(leadingZeros));
    }

    /** se(v): signed Exp-Golomb. */
    public int readSE() {
        int code = readUE();
        return (code & 1) == 1 ? (code + 1) / 2 : -(code / 2);
    }

    public int bitsLeft() {
        return limitBits - position;
    }
}
