package org.diva.config;

/**
 * Converted streams (remux and transcode for devices that cannot play a file as it is).
 *
 * @param maxConversions streams converted at once; more are refused with 503 (each transcode wants the cores)
 * @param storeBytes     how much disk finished conversions may keep in the data dir, so a second viewer costs
 *                       nothing; 0 keeps none
 */
public record StreamSettings(int maxConversions, long storeBytes) {
    public static final int DEFAULT_MAX_CONVERSIONS = 2;
    public static final long DEFAULT_STORE_BYTES = 20L << 30;

    public StreamSettings {
        if (maxConversions < 1 || storeBytes < 0) {
            throw new IllegalArgumentException("bad stream settings: " + maxConversions + " conversions, "
                    + storeBytes + " bytes");
        }
    }

    public static StreamSettings defaults() {
        return new StreamSettings(DEFAULT_MAX_CONVERSIONS, DEFAULT_STORE_BYTES);
    }
}
