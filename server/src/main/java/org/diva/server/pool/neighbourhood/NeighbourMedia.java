package org.diva.server.pool.neighbourhood;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.atomic.AtomicReference;
import org.diva.server.catalogue.ViewItems;
import org.diva.upnp.dlna.DlnaFormat;
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
 * {@code GET/HEAD /media/n-...}: a neighbour's title through {@link NeighbourContent}, whole or as one byte range
 * (RFC 9110 section 14). Several ranges get the whole title with 200, which section 14.2 allows a server to do.
 * Without a content reader the answer is 503 saying so, never a broken stream.
 */
final class NeighbourMedia {
    private static final int BUFFER = 64 * 1024;

    private final NeighbourhoodCatalogue catalogue;
    private final AtomicReference<NeighbourContent> content;

    NeighbourMedia(NeighbourhoodCatalogue catalogue, AtomicReference<NeighbourContent> content) {
        this.catalogue = catalogue;
        this.content = content;
    }

    void handle(Request request, Response response, Callback callback, NeighbourItemId id) throws Exception {
        NeighbourItem item = NeighbourRoutes.find(catalogue, id);
        NeighbourContent reader = content.get();
        if (reader == null) {
            throw new ApiException(503, "titles of neighbours cannot be streamed yet: this server has no reader of "
                    + "the pool's content");
        }
        long size = item.item().size();
        DlnaFormat format = ViewItems.dlnaFormat(item.asCatalogueItem());
        var out = response.getHeaders();
        out.put(HttpHeader.ACCEPT_RANGES, "bytes");
        out.put(HttpHeader.CONTENT_TYPE, format.mimeType());
        out.put("contentFeatures.dlna.org", format.contentFeatures());
        out.put("transferMode.dlna.org", format.image() ? "Interactive" : "Streaming");
        RangeRequest ranges = RangeRequest.parse(request.getHeaders().get(HttpHeader.RANGE), size);
        long first = 0;
        long length = size;
        if (ranges instanceof RangeRequest.Unsatisfiable) {
            response.setStatus(HttpStatus.RANGE_NOT_SATISFIABLE_416);
            out.put(HttpHeader.CONTENT_RANGE, ByteRange.toNonSatisfiableHeaderValue(size));
            out.put(HttpHeader.CONTENT_LENGTH, 0L);
            callback.succeeded();
            return;
        } else if (ranges instanceof RangeRequest.Ranges some && some.ranges().size() == 1) {
            ByteRange range = some.ranges().get(0);
            response.setStatus(HttpStatus.PARTIAL_CONTENT_206);
            out.put(HttpHeader.CONTENT_RANGE, range.toHeaderValue(size));
            first = range.first();
            length = range.getLength();
        } else {
            response.setStatus(HttpStatus.OK_200);
        }
        out.put(HttpHeader.CONTENT_LENGTH, length);
        if (HttpMethod.HEAD.is(request.getMethod())) {
            callback.succeeded();
            return;
        }
        try (SeekableByteChannel channel = reader.open(id.holder(), id.remoteId(), size)) {
            channel.position(first);
            copy(channel, Content.Sink.asOutputStream(response), length);
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e); // headers may be out already: the client sees a short body, not a wrong one
        }
    }

    /** Copies {@code length} bytes; the reader may return them in pieces as the neighbours deliver. */
    private static void copy(SeekableByteChannel channel, OutputStream out, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long left = length;
        while (left > 0) {
            buffer.clear().limit((int) Math.min(BUFFER, left));
            int n = channel.read(buffer);
            if (n < 0) {
                throw new IOException("the title ended " + left + " bytes early");
            }
            out.write(buffer.array(), 0, n);
            left -= n;
        }
        out.close();
    }

}
