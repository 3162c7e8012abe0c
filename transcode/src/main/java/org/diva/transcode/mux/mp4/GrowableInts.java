package org.diva.transcode.mux.mp4;

import java.util.Arrays;

/** A growing array of ints, for the same reason as {@link GrowableLongs}. */
final class GrowableInts {
    private int[] values = new int[64];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.addExact(size, size >> 1));
        }
        values[size++] = value;
    }

    int get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return values[index];
    }

    int size() {
        return size;
    }
}
