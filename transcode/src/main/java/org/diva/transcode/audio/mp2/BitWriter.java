package org.diva.transcode.audio.mp2;

/** Writes bit fields most significant bit first into a fixed byte array (one MP2 frame). */
final class BitWriter {
    private final byte[] out;
    private long accumulator;
    private int pending;
    private int position;

    BitWriter(byte[] out) {
        this.out = out;
    }

    void write(int value, int bits) {
        accumulator = (accumulator << bits) | (value & ((1L << bits) - 1));
        pending += bits;
        while (pending >= 8) {
            pending -= 8;
            out[position++] = (byte) (accumulator >>> pending);
        }
    }

    /** Bits written so far. */
    int bitPosition() {
        return position * 8 + pending;
    }

    /** Pads the last partial byte with zeros. */
    void flush() {
        if (pending > 0) {
            write(0, 8 - pending);
        }
    }
}
