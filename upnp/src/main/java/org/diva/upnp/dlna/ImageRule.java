package org.diva.upnp.dlna;

/**
 * The largest picture a profile allows. DLNA states sizes landscape (640x480); a portrait photo of 480x640 fits
 * the same profile, so the long side is held to the long limit and the short side to the short one.
 */
record ImageRule(int maxLongSide, int maxShortSide) {
    boolean accepts(int width, int height) {
        if (width <= 0 || height <= 0) {
            return false;
        }
        return Math.max(width, height) <= maxLongSide && Math.min(width, height) <= maxShortSide;
    }
}
