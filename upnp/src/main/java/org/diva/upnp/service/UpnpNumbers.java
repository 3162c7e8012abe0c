package org.diva.upnp.service;

import org.jupnp.model.types.UnsignedIntegerFourBytes;

/** UPnP's ui4 is 32 bits; DiVA counts in longs. */
final class UpnpNumbers {
    private UpnpNumbers() {
    }

    /** Counts beyond 2^32 - 1 saturate (no list is that long); update ids wrap, as UPnP says counters do. */
    static UnsignedIntegerFourBytes ui4(long value) {
        return new UnsignedIntegerFourBytes(value < 0 ? 0 : value & 0xFFFF_FFFFL);
    }

    static UnsignedIntegerFourBytes count(long value) {
        return new UnsignedIntegerFourBytes(Math.max(0, Math.min(value, 0xFFFF_FFFFL)));
    }
}
