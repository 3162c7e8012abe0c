package org.diva.transcode.mux.mp4;

import java.util.Arrays;

/**
 * A growing array of longs: a 3-hour film has about a million samples, and boxed lists would cost several times
 * the 8 bytes each needs.
 */
final class GrowableLongs {
    private long[] values = new long[64];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.addExact(size, size >> 1));
        }
        values[size++] = value;
    }

    long get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return values[index];
    }

    void set(int index, long value) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        values[index] = value;
    }

    int size() {
        return size;
    }
}
