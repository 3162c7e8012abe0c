package org.diva.upnp.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Renderer ids for DiVA's API, made from UDNs. A UDN is whatever text a device chose after {@code uuid:}; most are
 * RFC 4122 UUIDs, which are used as they are (readable, and the same as in the renderer's own logs), but a UDN may
 * hold '/', '%', '?', spaces or be very long, none of which belong in a path segment. Those are replaced by
 * {@code ~} and 32 hex digits of the SHA-256 of the UDN: '~' cannot start a plain id, so the two kinds never meet.
 */
public final class RendererIds {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private static final String UUID_PREFIX = "uuid:";

    private RendererIds() {
    }

    /** The id for a UDN, with or without its {@code uuid:} prefix (the same either way). */
    public static String of(String udn) {
        String bare = udn.startsWith(UUID_PREFIX) ? udn.substring(UUID_PREFIX.length()) : udn;
        if (PLAIN.matcher(bare).matches()) {
            return bare;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bare.getBytes(StandardCharsets.UTF_8));
            return "~" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
