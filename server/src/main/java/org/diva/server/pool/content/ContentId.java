package org.diva.server.pool.content;

import java.util.HexFormat;
import java.util.Objects;

/**
 * A title's content id: the SHA-256 defined by {@link ChunkList#contentId()}, written as 64 lowercase hex digits
 * (the form used in the database, in URLs and in logs).
 */
public record ContentId(String hex) {
    public static final int BYTES = 32;

    public ContentId {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != BYTES * 2) {
            throw new IllegalArgumentException("a content id has 64 hex digits, not " + hex.length() + ": '"
                    + (hex.length() > 80 ? hex.substring(0, 80) + "..." : hex) + "'");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new IllegalArgumentException("a content id is lowercase hex; character " + i + " is '" + c
                        + "' in '" + hex + "'");
            }
        }
    }

    public static ContentId ofBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a content id has " + BYTES + " bytes, not " + bytes.length);
        }
        return new ContentId(HexFormat.of().formatHex(bytes));
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    /** The first 12 digits, for logs. */
    public String shortForm() {
        return hex.substring(0, 12);
    }

    @Override
    public String toString() {
        return hex;
    }
}
