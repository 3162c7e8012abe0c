package org.diva.upnp.dlna;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The broadcast systems DLNA's profiles are named after: film (24 Hz), 50 Hz (PAL, DVB) and 60 Hz (NTSC, ATSC).
 * Interlaced streams report their frame rate (25, 29.97) or their field rate (50, 59.94) depending on the probe,
 * so both belong to the same family.
 */
enum FrameRateFamily {
    HZ24(23.976, 24), HZ50(25, 50), HZ60(29.97, 30, 59.94, 60);

    private static final double TOLERANCE = 0.05;
    private final double[] rates;

    FrameRateFamily(double... rates) {
        this.rates = rates;
    }

    static Optional<FrameRateFamily> of(OptionalDouble frameRate) {
        if (frameRate.isEmpty()) {
            return Optional.empty();
        }
        double fps = frameRate.getAsDouble();
        for (FrameRateFamily family : values()) {
            for (double rate : family.rates) {
                if (Math.abs(fps - rate) <= TOLERANCE) {
                    return Optional.of(family);
                }
            }
        }
        return Optional.empty();
    }
}
