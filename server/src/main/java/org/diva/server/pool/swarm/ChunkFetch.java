package org.diva.server.pool.swarm;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * One request for one chunk to one holder: the body goes straight into a chunk-sized array as it arrives (no
 * thread waits on it), progress is reported to the swarm per buffer, and a cancel drops the connection.
 */
final class ChunkFetch implements HttpResponse.BodyHandler<Void>, HttpResponse.BodySubscriber<Void> {
    /** What the swarm hears; it ignores calls about a fetch it has already given up on. */
    interface Listener {
        void progress(ChunkFetch fetch, int bytes);

        void arrived(ChunkFetch fetch, byte[] data, int length);

        void failed(ChunkFetch fetch, Throwable why);
    }

    final int chunk;
    final Holder holder;
    final int length;
    final long started;
    private final Listener listener;
    private final byte[] data;
    private final CompletableFuture<Void> body = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;
    private int filled;

    ChunkFetch(int chunk, Holder holder, int length, long started, Listener listener) {
        this.chunk = chunk;
        this.holder = holder;
        this.length = length;
        this.started = started;
        this.listener = listener;
        this.data = new byte[length];
    }

    /** Bytes received so far (read by the swarm for planning; a stale value is harmless). */
    int received() {
        return filled;
    }

    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 206) {
            listener.failed(this, new IOException(holder + " answered " + info.statusCode() + " for chunk " + chunk));
            return HttpResponse.BodySubscribers.replacing(null);
        }
        return this;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        int n = 0;
        for (ByteBuffer buffer : buffers) {
            int r = buffer.remaining();
            if (filled + n + r > length) {
                subscription.cancel();
                listener.failed(this, new IOException(holder + " sent more than the " + length + " bytes of chunk "
                        + chunk));
                return;
            }
            buffer.get(data, filled + n, r);
            n += r;
        }
        filled += n;
        listener.progress(this, n);
        if (!cancelled) {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
        listener.failed(this, failure);
    }

    @Override
    public void onComplete() {
        body.complete(null);
        if (filled == length) {
            listener.arrived(this, data, filled);
        } else {
            listener.failed(this, new IOException(holder + " sent " + filled + " of the " + length
                    + " bytes of chunk " + chunk));
        }
    }

    @Override
    public CompletionStage<Void> getBody() {
        return body;
    }
}
