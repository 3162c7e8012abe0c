package org.diva.upnp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jupnp.model.message.StreamRequestMessage;
import org.jupnp.model.message.StreamResponseMessage;
import org.jupnp.model.message.UpnpRequest;
import org.jupnp.model.message.header.UpnpHeader;

/** jUPnP's HTTP client on Jetty, against a real Jetty server on loopback port 0. */
class JettyStreamClientTest {
    private static final int LIMIT = 64 * 1024;
    /** Long enough that a loaded machine answers the echo in time (500 ms failed once at load 12). */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final BlockingQueue<Callback> neverAnswered = new LinkedBlockingQueue<>();
    private Server server;
    private ServerConnector connector;
    private JettyStreamClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                switch (Request.getPathInContext(request)) {
                    case "/echo" -> {
                        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                        String text = request.getMethod() + " " + request.getHeaders().get("NT") + " " + body;
                        response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
                        response.write(true, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
                    }
                    case "/huge" -> response.write(true, ByteBuffer.allocate(LIMIT * 4), callback);
                    case "/redirect" -> {
                        response.setStatus(302);
                        response.getHeaders().put("Location", "http://127.0.0.1:1/elsewhere");
                        callback.succeeded();
                    }
                    default -> neverAnswered.add(callback);
                }
                return true;
            }
        });
        server.start();
        client = new JettyStreamClient(new HttpLimits(1024, LIMIT, TIMEOUT), 4);
    }

    @AfterEach
    void tearDown() throws Exception {
        client.stop();
        neverAnswered.forEach(Callback::succeeded);
        server.stop();
    }

    /** GENA's methods are not HTTP's, yet go out as they are, with their headers and body. */
    @ParameterizedTest
    @EnumSource(value = UpnpRequest.Method.class, names = {"GET", "POST", "SUBSCRIBE", "UNSUBSCRIBE", "NOTIFY"})
    void upnpMethodsGoOutAsTheyAre(UpnpRequest.Method method) throws Exception {
        StreamRequestMessage request = new StreamRequestMessage(method, url("/echo"), "payload");
        request.getHeaders().add("NT", "upnp:event");
        request.getHeaders().add(UpnpHeader.Type.CONTENT_TYPE.getHttpName(), "text/xml; charset=\"utf-8\"");

        StreamResponseMessage response = client.sendRequest(request);

        assertEquals(method.getHttpName() + " upnp:event payload", response.getBodyString().strip());
        assertEquals(200, response.getOperation().getStatusCode());
    }

    @Test
    void responseLargerThanTheLimitIsNoAnswer() throws Exception {
        assertNull(client.sendRequest(new StreamRequestMessage(UpnpRequest.Method.GET, url("/huge"))));
    }

    @Test
    void serverThatNeverAnswersIsNoAnswerAfterTheTimeout() throws Exception {
        long start = System.nanoTime();

        assertNull(client.sendRequest(new StreamRequestMessage(UpnpRequest.Method.GET, url("/silent"))));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(TIMEOUT) >= 0 && took.compareTo(TIMEOUT.plusSeconds(7)) < 0,
                took.toString());
    }

    /** A device must not send DiVA elsewhere (another host, a local service) by redirecting. */
    @Test
    void redirectsAreNotFollowed() throws Exception {
        StreamResponseMessage response = client.sendRequest(new StreamRequestMessage(UpnpRequest.Method.GET,
                url("/redirect")));

        assertEquals(302, response.getOperation().getStatusCode());
    }

    @Test
    void unreachableServerIsNoAnswer() throws Exception {
        assertNull(client.sendRequest(new StreamRequestMessage(UpnpRequest.Method.GET,
                URI.create("http://127.0.0.1:1/desc"))));
    }

    @Test
    void stopEndsTheClientsThreads() throws Exception {
        client.sendRequest(new StreamRequestMessage(UpnpRequest.Method.GET, url("/echo")));

        client.stop();

        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("upnp-http-client")) {
                thread.join(5_000);
                assertFalse(thread.isAlive(), thread.getName() + " outlived the client");
            }
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
    }
}
