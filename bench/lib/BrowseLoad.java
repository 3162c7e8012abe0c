import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load client of bench/browse: ContentDirectory Browse requests from a fixed number of threads,
 * one HTTP/1.1 connection each, for a fixed time; prints throughput and latency percentiles.
 *
 * <pre>
 * java BrowseLoad.java load CONTROL_URL OBJECT_ID TOTAL THREADS WARMUP_S DURATION_S [COUNT [SEED [SORT]]]
 * java BrowseLoad.java serve PORT RESPONSE_FILE keepalive|close
 * </pre>
 *
 * <p>{@code load}: each thread sends BrowseDirectChildren of OBJECT_ID with RequestedCount COUNT (default 100)
 * and a StartingIndex drawn uniformly from [0, TOTAL - COUNT], so every page is full, and SortCriteria SORT
 * (default empty: the server's own order); it waits for the whole
 * response before sending the next (a closed loop, as a TV's browser is). The connection is kept alive unless the
 * server says {@code Connection: close} or closes it, and then a new one is opened for the next request; that
 * connect time is part of the request's latency, as it is for a real client of such a server. A response counts
 * only if it is HTTP 200 and its NumberReturned equals COUNT. Requests that complete during the first WARMUP_S
 * seconds are discarded; the next DURATION_S seconds are measured. Output, one line:
 * {@code requests=.. seconds=.. rps=.. p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. errors=.. connections=.. bytes=..}
 * (connections: those opened by the measured requests; bytes: the size of a response body)
 * and, after any error, {@code first_error=...} on a second line.
 *
 * <p>{@code serve}: answers every request on PORT with the bytes of RESPONSE_FILE as a 200 text/xml body, keeping
 * connections alive or closing each after one response. It does no work per request, so {@code load} against it
 * shows how many requests per second the client itself can make: its ceiling on this machine.
 *
 * <p>Raw sockets rather than java.net.http.HttpClient: one connection per thread exactly, and no pool or
 * per-request futures in the path being measured.
 */
public final class BrowseLoad {
    private static final String CDS = "urn:schemas-upnp-org:service:ContentDirectory:1";
    private static final byte[] NUMBER_RETURNED = "NumberReturned".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        if (args.length >= 6 && args[0].equals("load")) {
            load(args);
        } else if (args.length == 4 && args[0].equals("serve")) {
            serve(Integer.parseInt(args[1]), Files.readAllBytes(Path.of(args[2])), args[3].equals("close"));
        } else {
            System.err.println("usage: java BrowseLoad.java load CONTROL_URL OBJECT_ID TOTAL THREADS WARMUP_S DURATION_S"
                    + " [COUNT [SEED [SORT]]]\n       java BrowseLoad.java serve PORT RESPONSE_FILE keepalive|close");
            System.exit(2);
        }
    }

    // --- load ----------------------------------------------------------------------------------------

    private static void load(String[] args) throws Exception {
        URI url = URI.create(args[1]);
        String objectId = args[2];
        long total = Long.parseLong(args[3]);
        int threads = Integer.parseInt(args[4]);
        double warmup = Double.parseDouble(args[5]);
        double duration = Double.parseDouble(args[6]);
        int count = args.length > 7 ? Integer.parseInt(args[7]) : 100;
        long seed = args.length > 8 ? Long.parseLong(args[8]) : 1;
        String sort = args.length > 9 ? args[9] : "";
        if (total < count) {
            throw new IllegalArgumentException("TOTAL " + total + " < COUNT " + count);
        }
        long start = System.nanoTime();
        long from = start + (long) (warmup * 1e9);
        long until = from + (long) (duration * 1e9);
        Target target = new Target(url.getHost(), url.getPort() < 0 ? 80 : url.getPort(),
                url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()), objectId, count, sort);
        Worker[] workers = new Worker[threads];
        AtomicReference<String> firstError = new AtomicReference<>();
        for (int i = 0; i < threads; i++) {
            workers[i] = new Worker(target, new SplittableRandom(seed * 1_000_003L + i), total - count + 1,
                    from, until, firstError);
            workers[i].setName("browse-" + i);
            workers[i].start();
        }
        long[] all = new long[0];
        long errors = 0, connections = 0, bytes = 0;
        for (Worker w : workers) {
            w.join();
            long[] mine = Arrays.copyOf(w.latencies, w.n);
            long[] merged = Arrays.copyOf(all, all.length + mine.length);
            System.arraycopy(mine, 0, merged, all.length, mine.length);
            all = merged;
            errors += w.errors;
            connections += w.connections;
            bytes = Math.max(bytes, w.lastBytes);
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f"
                        + " errors=%d connections=%d bytes=%d%n",
                all.length, duration, all.length / duration, pct(all, 0.50), pct(all, 0.90), pct(all, 0.99),
                all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6, errors, connections, bytes);
        if (firstError.get() != null) {
            System.out.println("first_error=" + firstError.get().replaceAll("\\s+", " "));
        }
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private record Target(String host, int port, String path, String objectId, int count, String sort) {
        byte[] request(long startingIndex) {
            String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
                    + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
                    + " s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body>"
                    + "<u:Browse xmlns:u=\"" + CDS + "\"><ObjectID>" + xml(objectId) + "</ObjectID>"
                    + "<BrowseFlag>BrowseDirectChildren</BrowseFlag><Filter>*</Filter>"
                    + "<StartingIndex>" + startingIndex + "</StartingIndex>"
                    + "<RequestedCount>" + count + "</RequestedCount><SortCriteria>" + xml(sort) + "</SortCriteria>"
                    + "</u:Browse></s:Body></s:Envelope>";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                    + "Content-Type: text/xml; charset=\"utf-8\"\r\n"
                    + "SOAPACTION: \"" + CDS + "#Browse\"\r\n"
                    + "User-Agent: diva-bench/1 UPnP/1.0\r\n"
                    + "Content-Length: " + b.length + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
            byte[] out = Arrays.copyOf(h, h.length + b.length);
            System.arraycopy(b, 0, out, h.length, b.length);
            return out;
        }

        private static String xml(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }

    private static final class Worker extends Thread {
        private final Target target;
        private final SplittableRandom random;
        private final long offsets;
        private final long from;
        private final long until;
        private final AtomicReference<String> firstError;
        private final Response response = new Response();
        long[] latencies = new long[1 << 14];
        int n;
        long errors;
        long connections;
        int lastBytes;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Worker(Target target, SplittableRandom random, long offsets, long from, long until,
               AtomicReference<String> firstError) {
            this.target = target;
            this.random = random;
            this.offsets = offsets;
            this.from = from;
            this.until = until;
            this.firstError = firstError;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (System.nanoTime() < until) {
                byte[] request = target.request(random.nextLong(offsets));
                long t0 = System.nanoTime();
                String error = null;
                boolean connected = false;
                try {
                    if (socket == null) {
                        connect();
                        connected = true;
                    }
                    out.write(request);
                    out.flush();
                    response.read(in);
                    if (response.status != 200) {
                        error = "HTTP " + response.status + ": " + response.bodyText(300);
                    } else if (response.numberReturned() != target.count) {
                        error = "NumberReturned " + response.numberReturned() + ", want " + target.count + ": "
                                + response.bodyText(300);
                    }
                    if (response.close) {
                        close();
                    }
                } catch (IOException e) {
                    error = e.toString();
                    close();
                }
                long t1 = System.nanoTime();
                if (t1 < from || t1 >= until) {
                    continue;
                }
                if (error != null) {
                    errors++;
                    firstError.compareAndSet(null, error);
                    continue;
                }
                if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                }
                latencies[n++] = t1 - t0;
                lastBytes = response.bodyLength;
                if (connected) {
                    connections++;
                }
            }
            close();
        }

        private void connect() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.host, target.port), 10_000);
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        private void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do: the next request opens a new connection
                }
                socket = null;
            }
        }
    }

    /** One HTTP/1.1 response, read into a reused buffer: Content-Length, chunked, or until the server closes. */
    private static final class Response {
        byte[] buf = new byte[256 * 1024];
        int len;      // bytes in buf
        int pos;      // parse position
        int status;
        boolean close;
        int bodyStart;
        int bodyLength;

        void read(InputStream in) throws IOException {
            len = 0;
            pos = 0;
            int headerEnd;
            while ((headerEnd = indexOf(buf, 0, len, (byte) '\r', (byte) '\n', (byte) '\r', (byte) '\n')) < 0) {
                fill(in, true);
            }
            String head = new String(buf, 0, headerEnd, StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            status = Integer.parseInt(statusLine[1]);
            close = statusLine[0].equals("HTTP/1.0");
            long contentLength = -1;
            boolean chunked = false;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> {
                        if (value.contains("close")) {
                            close = true;
                        } else if (value.contains("keep-alive")) {
                            close = false;
                        }
                    }
                    default -> { }
                }
            }
            bodyStart = headerEnd + 4;
            if (chunked) {
                readChunked(in);
            } else if (contentLength >= 0) {
                while (len - bodyStart < contentLength) {
                    fill(in, true);
                }
                bodyLength = (int) contentLength;
            } else {
                while (fill(in, false) > 0) {
                    // no length: the body ends when the server closes
                }
                bodyLength = len - bodyStart;
                close = true;
            }
        }

        /** De-chunks in place, so the body is contiguous at bodyStart. */
        private void readChunked(InputStream in) throws IOException {
            int write = bodyStart;
            pos = bodyStart;
            while (true) {
                int lineEnd;
                while ((lineEnd = indexOf(buf, pos, len, (byte) '\r', (byte) '\n')) < 0) {
                    fill(in, true);
                }
                String sizeText = new String(buf, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
                int semi = sizeText.indexOf(';');
                int size = Integer.parseInt((semi < 0 ? sizeText : sizeText.substring(0, semi)).trim(), 16);
                pos = lineEnd + 2;
                if (size == 0) {
                    // trailers, then an empty line
                    int end;
                    while ((end = indexOf(buf, pos - 2, len, (byte) '\r', (byte) '\n', (byte) '\r', (byte) '\n')) < 0) {
                        fill(in, true);
                    }
                    bodyLength = write - bodyStart;
                    return;
                }
                while (len - pos < size + 2) {
                    fill(in, true);
                }
                System.arraycopy(buf, pos, buf, write, size);
                write += size;
                pos += size + 2;
            }
        }

        private int fill(InputStream in, boolean required) throws IOException {
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int r = in.read(buf, len, buf.length - len);
            if (r < 0) {
                if (required) {
                    throw new IOException("connection closed mid-response after " + len + " bytes");
                }
                return 0;
            }
            len += r;
            return r;
        }

        /** The integer after the last "NumberReturned" tag's '>' (it follows the long Result, so search back). */
        int numberReturned() {
            int end = bodyStart + bodyLength;
            for (int i = end - NUMBER_RETURNED.length; i >= bodyStart; i--) {
                if (regionMatches(i) && i > 0 && buf[i - 1] != '/') {
                    int j = i + NUMBER_RETURNED.length;
                    while (j < end && buf[j] != '>') {
                        j++;
                    }
                    int v = 0;
                    boolean digits = false;
                    for (j++; j < end && buf[j] >= '0' && buf[j] <= '9'; j++) {
                        v = v * 10 + (buf[j] - '0');
                        digits = true;
                    }
                    return digits ? v : -1;
                }
            }
            return -1;
        }

        private boolean regionMatches(int at) {
            for (int k = 0; k < NUMBER_RETURNED.length; k++) {
                if (buf[at + k] != NUMBER_RETURNED[k]) {
                    return false;
                }
            }
            return true;
        }

        String bodyText(int max) {
            return new String(buf, bodyStart, Math.min(max, bodyLength), StandardCharsets.UTF_8);
        }

        private static int indexOf(byte[] b, int from, int to, byte... pattern) {
            outer:
            for (int i = Math.max(0, from); i <= to - pattern.length; i++) {
                for (int k = 0; k < pattern.length; k++) {
                    if (b[i + k] != pattern[k]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    // --- serve ---------------------------------------------------------------------------------------

    private static void serve(int port, byte[] body, boolean close) throws IOException {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=\"utf-8\"\r\n"
                + (close ? "Connection: close\r\n" : "") + "Content-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] response = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, response, head.length, body.length);
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port), 128);
            System.out.println("serving on " + server.getLocalPort());
            System.out.flush();
            while (true) {
                Socket s = server.accept();
                Thread t = new Thread(() -> answer(s, response, close), "serve");
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private static void answer(Socket s, byte[] response, boolean close) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[64 * 1024];
            int len = 0;
            while (true) {
                int headerEnd;
                while ((headerEnd = Response.indexOf(buf, 0, len, (byte) '\r', (byte) '\n', (byte) '\r', (byte) '\n')) < 0) {
                    int r = in.read(buf, len, buf.length - len);
                    if (r < 0) {
                        return;
                    }
                    len += r;
                }
                String head = new String(buf, 0, headerEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                int cl = head.indexOf("content-length:");
                int bodyLength = cl < 0 ? 0
                        : Integer.parseInt(head.substring(cl + 15, head.indexOf('\r', cl) < 0 ? head.length()
                                : head.indexOf('\r', cl)).trim());
                int need = headerEnd + 4 + bodyLength;
                while (len < need) {
                    int r = in.read(buf, len, buf.length - len);
                    if (r < 0) {
                        return;
                    }
                    len += r;
                }
                out.write(response);
                out.flush();
                if (close) {
                    return;
                }
                System.arraycopy(buf, need, buf, 0, len - need);
                len -= need;
            }
        } catch (IOException e) {
            // the client went away
        }
    }
}
