package org.diva.server.pool.neighbourhood;

import java.util.Locale;
import java.util.Objects;
import org.diva.server.pool.ServerId;

/**
 * The local id of a neighbour's item, accepted wherever a catalogue id is ({@code /media/{id}},
 * {@code /api/v1/items/{id}/playback}): {@code n-<holder's ServerId, 52 base32 letters without dashes>-<the item's id
 * on the holder>}. Parsing is strict, since ids come back from TVs and browsers: every way an id can be wrong is
 * refused with what is wrong and where.
 */
public record NeighbourItemId(ServerId holder, String remoteId) {
    public static final String PREFIX = "n-";
    private static final int ID_LETTERS = 52;

    public NeighbourItemId {
        Objects.requireNonNull(holder, "holder");
        if (remoteId == null || !remoteId.matches("[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException("a neighbour's item id is 1 to 18 digits, not '" + remoteId + "'");
        }
    }

    /** Whether {@code text} claims to be a neighbour item id (and should be parsed as one rather than a local id). */
    public static boolean claims(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    public static NeighbourItemId parse(String text) {
        if (!claims(text)) {
            throw new IllegalArgumentException("a neighbour's item id starts with 'n-'");
        }
        if (text.length() > PREFIX.length() + ID_LETTERS + 1 + 18) {
            throw new IllegalArgumentException("neighbour item id is too long (" + text.length() + " characters)");
        }
        int dash = PREFIX.length() + ID_LETTERS;
        if (text.length() <= dash + 1 || text.charAt(dash) != '-') {
            throw new IllegalArgumentException("neighbour item id needs 52 letters of ServerId, then '-' at character "
                    + dash + ", then the item's number");
        }
        String holder = text.substring(PREFIX.length(), dash);
        for (int i = 0; i < holder.length(); i++) {
            char c = holder.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '2' && c <= '7')) {
                throw new IllegalArgumentException("neighbour item id has '" + printable(c)
                        + "' at character " + (PREFIX.length() + i) + ", where a ServerId letter (A-Z, 2-7) belongs");
            }
        }
        ServerId id = ServerId.parse(holder);
        String remote = text.substring(dash + 1);
        if (!remote.matches("[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException("neighbour item id must end in the item's number (1 to 18 digits, no "
                    + "leading zero) after character " + dash);
        }
        return new NeighbourItemId(id, remote);
    }

    static String compact(ServerId id) {
        return id.toString().replace("-", "").toUpperCase(Locale.ROOT);
    }

    static String printable(char c) {
        return Character.isISOControl(c) || c > 126 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    @Override
    public String toString() {
        return PREFIX + compact(holder) + "-" + remoteId;
    }
}
