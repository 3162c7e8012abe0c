package org.diva.server.pool.membership;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A home router's port forwarding, on loopback: listens on an "external" address (e.g. 127.0.0.2) and copies
 * bytes both ways to the forwarded internal port, as a NAT does. TLS passes through untouched, so the pool's
 * mutual TLS works through it as through a real router.
 */
final class FakeRouter implements AutoCloseable {
    private final InetAddress external;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    FakeRouter(InetAddress external) {
        this.external = external;
    }

    /** One forwarded port: its external port and how many connections came through it. */
    record Forward(int externalPort, AtomicInteger connections) {
    }

    /** Forwards a free external port to {@code internal}:{@code internalPort}. */
    Forward forward(InetAddress internal, int internalPort) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, external);
        open.add(listener);
        AtomicInteger connections = new AtomicInteger();
        daemon("router-accept-" + listener.getLocalPort(), () -> {
            while (!listener.isClosed()) {
                try {
                    Socket outside = listener.accept();
                    open.add(outside);
                    connections.incrementAndGet();
                    Socket inside = new Socket();
                    open.add(inside);
                    inside.connect(new InetSocketAddress(internal, internalPort), 2000);
                    daemon("router-in", () -> pump(outside, inside));
                    daemon("router-out", () -> pump(inside, outside));
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
        return new Forward(listener.getLocalPort(), connections);
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side closed: close both, as a router drops the flow
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing
        }
    }

    @Override
    public void close() {
        open.forEach(FakeRouter::closeQuietly);
    }
}
