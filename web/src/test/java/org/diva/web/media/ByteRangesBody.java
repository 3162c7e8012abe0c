package org.diva.web.media;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strict reader of {@code multipart/byteranges} bodies (RFC 9110 section 14.6, RFC 2046 section 5.1.1), written
 * independently of Jetty so the tests check the wire format rather than Jetty's own view of it.
 */
final class ByteRangesBody {
    record Part(Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private ByteRangesBody() {
    }

    /** The boundary parameter of a {@code multipart/byteranges} content type. */
    static String boundary(String contentType) {
        String prefix = "multipart/byteranges; boundary=";
        if (!contentType.startsWith(prefix)) {
            throw new AssertionError("not multipart/byteranges: " + contentType);
        }
        return contentType.substring(prefix.length()).replace("\"", "");
    }

    static List<Part> parse(byte[] body, String boundary) {
        byte[] dashBoundary = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, dashBoundary, 0);
        if (at < 0) {
            throw new AssertionError("no opening boundary");
        }
        at += dashBoundary.length;
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(body, at, "--")) {
                return parts;
            }
            at = expect(body, at, "\r\n");
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (headersEnd < 0) {
                throw new AssertionError("part " + parts.size() + " has no end of headers");
            }
            Map<String, String> headers = new TreeMap<>();
            for (String line : new String(body, at, headersEnd - at, StandardCharsets.US_ASCII).split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
            int contentStart = headersEnd + 4;
            int contentEnd = indexOf(body, delimiter, contentStart);
            if (contentEnd < 0) {
                throw new AssertionError("part " + parts.size() + " is not closed by a boundary");
            }
            parts.add(new Part(headers, Arrays.copyOfRange(body, contentStart, contentEnd)));
            at = contentEnd + delimiter.length;
        }
    }

    private static int expect(byte[] body, int at, String text) {
        if (!startsWith(body, at, text)) {
            throw new AssertionError("expected " + text.replace("\r\n", "CRLF") + " at offset " + at);
        }
        return at + text.length();
    }

    private static boolean startsWith(byte[] body, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return at + bytes.length <= body.length
                && Arrays.equals(body, at, at + bytes.length, bytes, 0, bytes.length);
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        outer:
        for (int i = from; i <= body.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
