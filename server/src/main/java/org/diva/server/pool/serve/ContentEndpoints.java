package org.diva.server.pool.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.content.ChunkList;
import org.diva.server.pool.content.ContentId;
import org.diva.server.pool.content.ContentIds;
import org.diva.server.pool.content.ContentStore;
import org.diva.server.pool.sharing.PeerCaller;
import org.diva.web.Router;
import org.diva.web.json.ApiException;
import org.diva.web.media.RangeRequest;
import org.eclipse.jetty.http.ByteRange;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The peer API's content endpoints, for members only:
 * <ul>
 * <li>{@code GET/HEAD /peer/v1/content/{contentId}}: the bytes of a title held here, one {@code Range} at a time
 * (206), or whole (200). 404 for content not held; 416 for a range over chunks not held. A holder of only some
 * chunks says which in {@value #CHUNKS_HEADER} (base64 of the held chunks' bit set, chunk 0 = lowest bit of the
 * first byte, as {@link BitSet#toByteArray()}); a holder of all omits it.</li>
 * <li>{@code GET /peer/v1/content/{contentId}/chunks}: the chunk list's wire form ({@link ChunkList#encode()}),
 * which the reader checks against the id.</li>
 * </ul>
 * Bytes go out in {@link UploadLimiter#SLICE}s, each after the limiter allowed it for this caller.
 */
public final class ContentEndpoints {
    public static final String CHUNKS_HEADER = "Diva-Chunks";
    /** A bit set larger than this (about 48,000 chunks, 47 GiB of title) does not fit a response header. */
    private static final int MAX_CHUNKS_HEADER = 6000;

    private final ContentIds ids;
    private final ContentStore store;
    private final UploadLimiter limiter;
    private final PeerCaller callers;

    public ContentEndpoints(ContentIds ids, ContentStore store, UploadLimiter limiter, PeerCaller callers) {
        this.ids = ids;
        this.store = store;
        this.limiter = limiter;
        this.callers = callers;
    }

    public void addRoutes(Router router) {
        router.getAndHead("/peer/v1/content/{id}", this::content);
        router.get("/peer/v1/content/{id}/chunks", this::chunks);
    }

    private void chunks(Request request, Response response, Callback callback, Map<String, String> params) {
        member(request);
        HeldContent held = held(params.get("id"));
        byte[] wire = held.list().encode();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, wire.length);
        response.write(true, ByteBuffer.wrap(wire), callback);
    }

    private void content(Request request, Response response, Callback callback, Map<String, String> params) {
        ServerId caller = member(request);
        HeldContent held = held(params.get("id"));
        long size = held.list().size();
        var out = response.getHeaders();
        out.put(HttpHeader.ACCEPT_RANGES, "bytes");
        out.put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        Optional<BitSet> chunks = held.chunks();
        if (chunks.isPresent()) {
            String bits = Base64.getEncoder().encodeToString(chunks.get().toByteArray());
            if (bits.length() > MAX_CHUNKS_HEADER) {
                throw ApiException.notFound("only part of " + params.get("id") + " is held here, too many chunks "
                        + "to list");
            }
            out.put(CHUNKS_HEADER, bits);
        }
        RangeRequest ranges = RangeRequest.parse(request.getHeaders().get(HttpHeader.RANGE), size);
        long first = 0;
        long length = size;
        if (ranges instanceof RangeRequest.Ranges some && some.ranges().size() == 1) {
            ByteRange range = some.ranges().get(0);
            first = range.first();
            length = range.getLength();
            response.setStatus(HttpStatus.PARTIAL_CONTENT_206);
            out.put(HttpHeader.CONTENT_RANGE, range.toHeaderValue(size));
        } else if (!(ranges instanceof RangeRequest.Whole)) {
            unsatisfiable(response, callback, size, "one satisfiable range at a time");
            return;
        }
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        if (!head && length > 0 && !held.holds(first, first + length - 1)) {
            unsatisfiable(response, callback, size, "bytes " + first + "-" + (first + length - 1) + " not all held");
            return;
        }
        out.put(HttpHeader.CONTENT_LENGTH, length);
        if (head || length == 0) {
            response.write(true, null, callback);
            return;
        }
        send(caller, held, first, length, response, callback);
    }

    /**
     * Reads up to a chunk at a time and writes it in slices the limiter allows. Blocking, on the server's bounded
     * request threads: a slow or capped reader holds one thread and at most one chunk of memory, never a queue.
     */
    private void send(ServerId caller, HeldContent held, long first, long length, Response response,
                      Callback callback) {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(ChunkList.CHUNK_SIZE, length));
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            long at = first;
            long end = first + length;
            while (at < end) {
                long chunkEnd = Math.min(end, (at / ChunkList.CHUNK_SIZE + 1) * ChunkList.CHUNK_SIZE);
                buffer.clear().limit((int) (chunkEnd - at));
                held.read(at, buffer);
                for (int from = 0; from < buffer.limit(); from += UploadLimiter.SLICE) {
                    int n = Math.min(UploadLimiter.SLICE, buffer.limit() - from);
                    limiter.acquire(caller, n);
                    out.write(buffer.array(), from, n);
                }
                at = chunkEnd;
            }
        } catch (IOException e) {
            callback.failed(e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    private ServerId member(Request request) {
        return callers.of(request).orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN_403,
                "only members of the pool may read its content"));
    }

    private HeldContent held(String text) {
        ContentId id;
        try {
            id = new ContentId(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return HeldContent.find(id, ids, store).orElseThrow(() -> ApiException.notFound("content "
                + id.shortForm() + " is not held here"));
    }

    private static void unsatisfiable(Response response, Callback callback, long size, String why) {
        response.setStatus(HttpStatus.RANGE_NOT_SATISFIABLE_416);
        response.getHeaders().put(HttpHeader.CONTENT_RANGE, ByteRange.toNonSatisfiableHeaderValue(size));
        response.getHeaders().put("Diva-Reason", why);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
        callback.succeeded();
    }
}
