package org.diva.web.live;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diva.web.Endpoint;
import org.diva.web.HttpServer;
import org.diva.web.json.ApiException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * Sends a {@link LiveStream} as it grows: from the start (200, no length until the producer has finished), from
 * a byte offset ({@code Range}; 206 for the bytes that exist by then, so the client asks again for more), or from
 * a time ({@code TimeSeekRange.dlna.org}; 200 from the keyframe the source chose, with the answer header).
 *
 * <p>The body is written from the request's thread with blocking writes: a live stream is paced by its producer
 * and its reader, and there are only as many as there are screens in the house. A producer that stalls for
 * {@link #STALL} ends the response abruptly, so the client sees a cut, not a clean end of a shorter title.
 */
public final class LiveEndpoint implements Endpoint {
    static final Duration STALL = Duration.ofSeconds(60);
    /** How long a Range request for bytes not produced yet may wait for them before it gets 416. */
    static final Duration RANGE_WAIT = Duration.ofSeconds(15);
    private static final Pattern OPEN_RANGE = Pattern.compile("bytes=(\\d{1,18})-(\\d{0,18})");
    private static final String TIME_SEEK = "TimeSeekRange.dlna.org";

    private final LiveSource source;

    public LiveEndpoint(LiveSource source) {
        this.source = source;
    }

    @Override
    public void handle(Request request, Response response, Callback callback, Map<String, String> params)
            throws IOException, InterruptedException {
        HttpFields headers = request.getHeaders();
        OptionalLong start = TimeSeek.startTicks(headers.get(TIME_SEEK));
        try (LiveStream stream = source.open(request, params, start)
                .orElseThrow(() -> ApiException.notFound("no media item " + params.get("id")))) {
            HttpFields.Mutable out = response.getHeaders();
            dlnaHeaders(headers, out, stream);
            out.put(HttpHeader.CONTENT_TYPE, stream.contentType());
            boolean head = HttpMethod.HEAD.is(request.getMethod());
            long from = stream.startOffset();
            long to = Long.MAX_VALUE; // exclusive; MAX: until the producer finishes
            boolean padded = false; // a promised length: cut there, or padded up to it
            Matcher range = start.isPresent() ? null : OPEN_RANGE.matcher(headers.get(HttpHeader.RANGE) == null
                    ? "" : headers.get(HttpHeader.RANGE).replace(" ", "").toLowerCase(Locale.ROOT));
            if (range != null && range.matches() && (Long.parseLong(range.group(1)) > 0 || !range.group(2).isEmpty()
                    || stream.completeSize().isPresent())) {
                long first = Long.parseLong(range.group(1));
                long available = stream.awaitBeyond(first, RANGE_WAIT);
                OptionalLong total = stream.completeSize();
                long last = range.group(2).isEmpty() ? available - 1
                        : Math.min(Long.parseLong(range.group(2)), available - 1);
                if (first >= available) {
                    response.setStatus(HttpStatus.RANGE_NOT_SATISFIABLE_416);
                    out.put(HttpHeader.CONTENT_RANGE, "bytes */" + (total.isPresent() ? total.getAsLong() : "*"));
                    out.put(HttpHeader.CONTENT_LENGTH, 0L);
                    callback.succeeded();
                    return;
                }
                response.setStatus(HttpStatus.PARTIAL_CONTENT_206);
                out.put(HttpHeader.CONTENT_RANGE, "bytes " + first + "-" + last + "/"
                        + (total.isPresent() ? total.getAsLong() : "*"));
                from = first;
                to = last + 1;
            } else {
                response.setStatus(HttpStatus.OK_200);
                OptionalLong total = stream.completeSize();
                if (total.isPresent()) {
                    to = total.getAsLong();
                } else if (stream.promisedSize().isPresent() && stream.promisedSize().getAsLong() > from) {
                    to = stream.promisedSize().getAsLong();
                    padded = true;
                }
            }
            if (to != Long.MAX_VALUE) {
                out.put(HttpHeader.CONTENT_LENGTH, to - from);
            }
            if (head) {
                response.write(true, null, callback);
                return;
            }
            RetainableByteBuffer pooled = request.getComponents().getByteBufferPool()
                    .acquire(HttpServer.LARGEST_POOLED_BUFFER, true);
            try {
                send(stream, response, pooled.getByteBuffer(), from, to, padded);
            } finally {
                pooled.release();
            }
            callback.succeeded();
        }
    }

    private static void dlnaHeaders(HttpFields request, HttpFields.Mutable out, LiveStream stream) {
        String asked = request.get("getcontentFeatures.dlna.org");
        if (asked != null) {
            stream.contentFeatures().ifPresent(f -> out.put("contentFeatures.dlna.org", f));
        }
        String mode = request.get("transferMode.dlna.org");
        if (mode != null && !mode.strip().equalsIgnoreCase("streaming")
                && !mode.strip().equalsIgnoreCase("background")) {
            throw new ApiException(HttpStatus.NOT_ACCEPTABLE_406,
                    "transfer mode '" + mode.strip() + "' is not offered for a converted stream: use Streaming");
        }
        if (mode != null || stream.contentFeatures().isPresent()) {
            out.put("transferMode.dlna.org", mode == null ? "Streaming"
                    : mode.strip().substring(0, 1).toUpperCase(Locale.ROOT)
                    + mode.strip().substring(1).toLowerCase(Locale.ROOT));
        }
        stream.timeSeekAnswer().ifPresent(answer -> out.put(TIME_SEEK, answer));
    }

    /** Sends filler from {@code position} up to the promised {@code to}. */
    private static void pad(LiveStream stream, Response response, long position, long to, ByteBuffer buffer)
            throws IOException {
        while (position < to) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), to - position));
            stream.fill(buffer, position);
            buffer.flip();
            position += buffer.remaining();
            try (Blocker.Callback blocker = Blocker.callback()) {
                response.write(position >= to, buffer, blocker);
                blocker.block();
            }
        }
    }

    /** Copies [from, to) as it becomes available; returns when done, throws when the client or producer fails. */
    private static void send(LiveStream stream, Response response, ByteBuffer buffer, long from, long to,
                             boolean padded) throws IOException, InterruptedException {
        long position = from;
        while (position < to) {
            long available = stream.awaitBeyond(position, STALL);
            if (available <= position) {
                if (stream.completeSize().isPresent() && padded) {
                    pad(stream, response, position, to, buffer);
                    return;
                }
                if (stream.completeSize().isPresent()) {
                    break; // the producer finished: a stream read from the start ends here
                }
                throw new InterruptedIOException("the stream's producer stalled for " + STALL.toSeconds() + " s");
            }
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), Math.min(available, to) - position));
            int read = stream.read(buffer, position);
            if (read <= 0) {
                throw new IOException("stream file ended at byte " + position + " of " + available);
            }
            buffer.flip();
            position += read;
            boolean last = position >= to || (!padded && stream.completeSize().isPresent()
                    && position >= stream.completeSize().getAsLong());
            try (Blocker.Callback blocker = Blocker.callback()) {
                response.write(last, buffer, blocker);
                blocker.block();
            }
            if (last) {
                return;
            }
        }
        try (Blocker.Callback blocker = Blocker.callback()) {
            response.write(true, null, blocker);
            blocker.block();
        }
    }
}
