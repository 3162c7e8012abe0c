package org.diva.upnp.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP written by hand, for requests no well-behaved client sends: hostile SOAP, bodies announced larger than
 * they are, bodies that never end.
 */
public final class RawHttp {
    /** Status and body of an answer; the body is what came before the server closed or Content-Length ended. */
    public record Answer(int status, String headers, String body) {
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}, reads the answer. */
    public static Answer exchange(InetSocketAddress server, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write((head + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                for (int at = 0; at < body.length; at += 16 * 1024) {
                    if (socket.getInputStream().available() > 0) {
                        break; // the server has answered already: writing on would only earn a reset
                    }
                    out.write(body, at, Math.min(16 * 1024, body.length - at));
                }
                out.flush();
            } catch (IOException closedByServer) {
                // a server that refuses a body too large answers and closes before reading it all (a broken pipe
                // here, seen in CI); its answer is still in our receive buffer
            }
            return read(socket.getInputStream());
        }
    }

    /**
     * Streams a chunked body of {@code total} bytes, stopping early if the server answers first (as it should once
     * the body is too large); then reads the answer.
     */
    public static Answer streamChunked(InetSocketAddress server, String head, long total) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (long sent = 0; sent < total; sent += chunk.length) {
                    if (socket.getInputStream().available() > 0) {
                        break;
                    }
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByServer) {
                // the server answered and closed; its answer is still in our receive buffer
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        long contentLength = -1;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketException reset) {
                break;
            }
            if (n < 0) {
                break;
            }
            raw.write(buffer, 0, n);
            String text = raw.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
                contentLength = contentLength(text.substring(0, headEnd));
            }
            if (headEnd >= 0 && contentLength >= 0 && raw.size() >= headEnd + 4 + contentLength) {
                break;
            }
        }
        String text = raw.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no HTTP answer, only: " + text);
        }
        String head = text.substring(0, end);
        return new Answer(Integer.parseInt(head.split(" ")[1]), head, text.substring(end + 4));
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return -1;
    }
}
