package org.diva.transcode.probe.mpeg;

import java.util.Optional;

/**
 * Where MPEG-TS packets start and how long they are: 188 bytes, or 192 for the BDAV (Blu-ray, AVCHD .m2ts/.mts)
 * form in which a 4-byte arrival time stamp precedes each packet. A sync byte 0x47 alone proves nothing (it is
 * one byte value in 256), so a position counts only if the sync byte recurs at the packet interval.
 *
 * @param packetSize 188 or 192
 * @param offset     file position of the first packet, its 4-byte prefix included for 192
 */
public record TsSync(int packetSize, long offset) {
    public static final int TS_PACKET = 188;
    public static final int BDAV_PACKET = 192;
    static final byte SYNC_BYTE = 0x47;
    /** Consecutive sync bytes that make a position believable. */
    public static final int CONFIRMATIONS = 5;
    private static final int[] SIZES = {TS_PACKET, BDAV_PACKET};

    public int prefix() {
        return packetSize - TS_PACKET;
    }

    /**
     * Finds the first packet start in {@code data[0, searchLimit)} that {@link #CONFIRMATIONS} sync bytes confirm
     * (fewer when {@code data[0, length)} ends first, but at least two).
     *
     * @param base file position of {@code data[0]}
     */
    public static Optional<TsSync> find(byte[] data, int length, int searchLimit, long base) {
        for (int i = 0; i < searchLimit && i < length; i++) {
            for (int size : SIZES) {
                if ((length - i) / size >= 2 && confirmed(data, length, i, size, CONFIRMATIONS)) {
                    return Optional.of(new TsSync(size, base + i));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether packets of {@code packetSize} start at {@code at} (prefix included): {@code wanted} sync bytes at
     * the packet interval, or as many as whole packets fit in {@code data[at, length)} when that is fewer (at
     * least one).
     */
    static boolean confirmed(byte[] data, int length, int at, int packetSize, int wanted) {
        int whole = (length - at) / packetSize;
        int needed = Math.min(wanted, whole);
        if (needed < 1) {
            return false;
        }
        int prefix = packetSize - TS_PACKET;
        for (int k = 0; k < needed; k++) {
            if (data[at + prefix + k * packetSize] != SYNC_BYTE) {
                return false;
            }
        }
        return true;
    }
}
