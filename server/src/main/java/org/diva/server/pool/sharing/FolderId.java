package org.diva.server.pool.sharing;

import java.util.Objects;

/**
 * A folder of the shared tree as the peer API names it: a share's key, then the path below the share
 * ({@code 3fa9c2e1b07d/Films/Drama}); '' below is the share's top. Parsing is strict because the text comes from
 * neighbours and from TVs: what is wrong is said, and nothing that looks like a path trick is accepted.
 */
public record FolderId(String shareKey, String below) {
    /** Longer than any folder a household has, short enough that no id costs much to handle. */
    public static final int MAX_LENGTH = 4096;

    public FolderId {
        Objects.requireNonNull(shareKey, "shareKey");
        Objects.requireNonNull(below, "below");
    }

    public static FolderId parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a folder id has at most " + MAX_LENGTH + " characters, not "
                    + text.length());
        }
        int slash = text.indexOf('/');
        String key = slash < 0 ? text : text.substring(0, slash);
        if (!key.matches("[0-9a-f]{12}")) {
            throw new IllegalArgumentException("a folder id starts with a share key of 12 hex digits, not '"
                    + abbreviate(key) + "'");
        }
        String below = slash < 0 ? "" : text.substring(slash + 1);
        if (slash >= 0) {
            int at = slash + 1;
            for (String segment : below.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    throw new IllegalArgumentException("folder id has an empty, '.' or '..' name at character " + at);
                }
                for (int i = 0; i < segment.length(); i++) {
                    if (Character.isISOControl(segment.charAt(i))) {
                        throw new IllegalArgumentException("folder id has a control character at character "
                                + (at + i));
                    }
                }
                at += segment.length() + 1;
            }
        }
        return new FolderId(key, below);
    }

    /** The folder named {@code name} inside this one. */
    public FolderId child(String name) {
        return new FolderId(shareKey, below.isEmpty() ? name : below + "/" + name);
    }

    @Override
    public String toString() {
        return below.isEmpty() ? shareKey : shareKey + "/" + below;
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
