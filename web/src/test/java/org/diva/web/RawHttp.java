package org.diva.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * HTTP/1.1 over a plain loopback socket, for what {@code java.net.http} hides: the bytes that follow a HEAD or a 304
 * (it never reads them), and a client that hangs up mid-body.
 */
public final class RawHttp {
    /** A whole response as it came off the wire: status line and headers, then every byte after the blank line. */
    public record Response(String head, byte[] body) {
        public String statusLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }
    }

    private RawHttp() {
    }

    /** Connects to the server on {@code port} and sends the request; the caller reads what it wants, then closes. */
    public static Socket open(int port, String method, String target, String... headerLines) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** Sends one request with {@code Connection: close} and reads the response until the server closes. */
    public static Response exchange(int port, String method, String target, String... headerLines)
            throws IOException {
        String[] lines = Arrays.copyOf(headerLines, headerLines.length + 1);
        lines[headerLines.length] = "Connection: close";
        byte[] bytes;
        try (Socket socket = open(port, method, target, lines)) {
            bytes = socket.getInputStream().readAllBytes();
        }
        int end = indexOfBlankLine(bytes);
        if (end < 0) {
            throw new IOException("no end of headers in " + bytes.length + " bytes");
        }
        return new Response(new String(bytes, 0, end, StandardCharsets.ISO_8859_1),
                Arrays.copyOfRange(bytes, end + 4, bytes.length));
    }

    private static int indexOfBlankLine(byte[] bytes) {
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
