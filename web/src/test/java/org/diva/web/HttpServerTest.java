package org.diva.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Binding, port reporting and release of the one HTTP server. */
class HttpServerTest {
    @Test
    void portZeroBindsARealPortThatAnswers() throws Exception {
        try (HttpServer server = new HttpServer(0, new Router())) {
            server.start();

            assertTrue(server.port() > 0, "port " + server.port());
            assertTrue(RawHttp.exchange(server.port(), "GET", "/x").statusLine().startsWith("HTTP/1.1 404"));
        }
    }

    @Test
    void takenPortFailsWithAnActionableMessage() throws Exception {
        try (HttpServer first = new HttpServer(0, new Router())) {
            first.start();
            int port = first.port();
            long threadsBefore = Thread.activeCount();

            try (HttpServer second = new HttpServer(port, new Router())) {
                IOException e = assertThrows(IOException.class, second::start);

                assertTrue(e.getMessage().contains("port " + port), e.getMessage());
                assertTrue(e.getMessage().contains("choose another with --port, or 0 for any free port"),
                        e.getMessage());
                assertTrue(Thread.activeCount() <= threadsBefore + 2, "threads left behind by the failed start");
            }
        }
    }

    @Test
    void closeReleasesThePort() throws Exception {
        int port;
        try (HttpServer server = new HttpServer(0, new Router())) {
            server.start();
            port = server.port();
        }
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(port));
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void serverCanBeRestartedOnTheSamePort() throws Exception {
        int port;
        try (HttpServer server = new HttpServer(0, new Router())) {
            server.start();
            port = server.port();
        }
        try (HttpServer server = new HttpServer(port, new Router())) {
            server.start();
            assertEquals(port, server.port());
        }
    }
}
