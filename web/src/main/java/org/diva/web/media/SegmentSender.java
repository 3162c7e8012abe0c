package org.diva.web.media;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.IOResources;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Sends a list of segments as one response body: file ranges through Jetty's file copier (pooled direct buffers,
 * as a plain file goes), in-memory bytes as they are, then the end of the body. An {@link IteratingCallback}
 * rather than callbacks chained by hand, because a write that completes at once would otherwise call the next
 * one on the same stack, and a layout of many segments would overflow it.
 */
final class SegmentSender extends IteratingCallback {
    private final Resource file;
    private final Response response;
    private final ByteBufferPool.Sized pool;
    private final List<Layout.Segment> segments;
    private final Callback done;
    /** The file copier ends its copy with a last write; here more may follow, so that write must not end the body. */
    private final Content.Sink notLast;
    private int next;

    private SegmentSender(Path file, Response response, ByteBufferPool.Sized pool, List<Layout.Segment> segments,
                          Callback done) {
        this.file = ResourceFactory.root().newResource(file);
        this.response = response;
        this.pool = pool;
        this.segments = segments;
        this.done = done;
        this.notLast = (last, buffer, callback) -> response.write(false, buffer, callback);
    }

    /** Starts sending; {@code done} completes when the whole body has been written or the writing failed. */
    static void send(Path file, Response response, ByteBufferPool.Sized pool, List<Layout.Segment> segments,
                     Callback done) {
        new SegmentSender(file, response, pool, segments, done).iterate();
    }

    @Override
    protected Action process() {
        if (next > segments.size()) {
            return Action.SUCCEEDED;
        }
        if (next == segments.size()) {
            next++;
            response.write(true, null, this);
            return Action.SCHEDULED;
        }
        Layout.Segment segment = segments.get(next++);
        if (segment instanceof Layout.Bytes bytes) {
            response.write(false, bytes.bytes(), this);
        } else if (segment instanceof Layout.FileRange range) {
            IOResources.copy(file, notLast, pool, range.offset(), range.length(), this);
        }
        return Action.SCHEDULED;
    }

    @Override
    protected void onCompleteSuccess() {
        done.succeeded();
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        done.failed(cause);
    }
}
