package org.diva.server.playback;

import org.diva.transcode.decision.Mode;

/**
 * The one place that knows where an item is served for a decision: the file itself at {@code /media/{id}}, and
 * remuxed or transcoded output at {@code /media/{id}/stream?profile={profile}} (the stream endpoint makes it for
 * that profile). Paths are from the server's root; callers put the base URL the client reached before them.
 */
public final class PlaybackUrls {
    private PlaybackUrls() {
    }

    public static String file(long itemId) {
        return "/media/" + itemId;
    }

    /** Profile ids are lower-case letters, digits and dashes, so they need no escaping in a query. */
    public static String stream(long itemId, String profileId) {
        return "/media/" + itemId + "/stream?profile=" + profileId;
    }

    /** Where a decision is served: the file for direct play, the stream otherwise. */
    public static String forMode(Mode mode, long itemId, String profileId) {
        if (mode == Mode.UNSUPPORTED) {
            throw new IllegalArgumentException("nothing is served for an unsupported item");
        }
        return mode == Mode.DIRECT ? file(itemId) : stream(itemId, profileId);
    }
}
