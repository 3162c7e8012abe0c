package org.diva.upnp.lab;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The control point's line protocol: words separated by spaces, arbitrary text as URL-safe base64. */
public final class Wire {
    private Wire() {
    }

    public static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String decode(String word) {
        return new String(bytes(word), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String word) {
        return Base64.getUrlDecoder().decode(word);
    }
}
