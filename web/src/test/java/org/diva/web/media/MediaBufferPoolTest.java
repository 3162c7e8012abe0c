package org.diva.web.media;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.diva.web.HttpServer;
import org.diva.web.RawHttp;
import org.diva.web.Router;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.junit.jupiter.api.Test;

/** The media endpoint's read buffers against the pool of the real server it runs in. */
class MediaBufferPoolTest {
    /**
     * Read buffers were 128 KiB, larger than Jetty's pool keeps, so every 128 KiB of every stream allocated a new
     * direct buffer that only a GC would free.
     */
    @Test
    void readBuffersGoBackToTheServersPool() throws Exception {
        ByteBufferPool.Sized buffers = MediaEndpoint.readBuffers(serverPool());

        RetainableByteBuffer first = buffers.acquire();
        ByteBuffer memory = first.getByteBuffer();
        first.release();
        RetainableByteBuffer second = buffers.acquire();

        assertSame(memory, second.getByteBuffer(), "the released buffer is reused");
        second.release();
    }

    /** The pool a running {@link HttpServer} hands its endpoints. */
    private static ByteBufferPool serverPool() throws Exception {
        CompletableFuture<ByteBufferPool> pool = new CompletableFuture<>();
        Router router = new Router().get("/pool", (request, response, callback, params) -> {
            pool.complete(request.getComponents().getByteBufferPool());
            response.write(true, ByteBuffer.allocate(0), callback);
        });
        try (HttpServer server = new HttpServer(0, router)) {
            server.start();
            RawHttp.exchange(server.port(), "GET", "/pool");
            return pool.get(10, TimeUnit.SECONDS);
        }
    }
}
