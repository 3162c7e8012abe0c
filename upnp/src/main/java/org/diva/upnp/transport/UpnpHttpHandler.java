package org.diva.upnp.transport;

import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.jupnp.model.message.StreamRequestMessage;
import org.jupnp.model.message.UpnpHeaders;
import org.jupnp.model.message.UpnpMessage;
import org.jupnp.model.message.UpnpRequest;
import org.jupnp.transport.Router;
import org.jupnp.transport.RouterException;
import org.jupnp.transport.spi.StreamServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door from DiVA's one Jetty server into jUPnP: serves everything under the base path (descriptions, icons,
 * SOAP control, GENA subscriptions and callbacks) and declines every other path, so it goes in front of the rest
 * of the server's handlers. It opens no port of its own: jUPnP's stream servers ({@link #newStreamServer()})
 * register with it, and report the port of the server it is mounted on.
 *
 * <p>Before jUPnP sees a request: only home-network clients ({@link LanClients}), only UPnP's methods, and bodies
 * no larger than the limit (413 otherwise, read without blocking). Then the request runs on jUPnP's bounded
 * synchronous-protocol executor; when that is full the client gets 503, not an ever-growing queue.
 */
public final class UpnpHttpHandler extends Handler.Abstract {
    public static final String DEFAULT_BASE_PATH = "/upnp";
    private static final Logger log = LoggerFactory.getLogger(UpnpHttpHandler.class);
    private static final String ALLOWED = "GET, POST, SUBSCRIBE, UNSUBSCRIBE, NOTIFY";
    private static final int MAX_LOGGED_STRANGERS = 256;

    private final String basePath;
    private final HttpLimits limits;
    private final Set<InetAddress> strangersLogged = ConcurrentHashMap.newKeySet();
    private volatile Router router;
    private int attachments;

    /**
     * @param basePath where UPnP lives on the server, e.g. {@code /upnp}; jUPnP's namespace must use the same
     * @param limits   the request body limit applies here
     */
    public UpnpHttpHandler(String basePath, HttpLimits limits) {
        if (!basePath.startsWith("/") || basePath.endsWith("/")) {
            throw new IllegalArgumentException("base path must start and not end with '/': " + basePath);
        }
        this.basePath = basePath;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public String basePath() {
        return basePath;
    }

    /** A stream server for jUPnP's configuration to hand out, one per local address. */
    public StreamServer<?> newStreamServer() {
        return new SharedStreamServer(this);
    }

    /**
     * The port of the Jetty server this handler is mounted on; known once that server has started, which must
     * happen before the UPnP device starts.
     */
    public int port() {
        Server server = getServer();
        if (server != null) {
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof NetworkConnector network && network.getLocalPort() > 0) {
                    return network.getLocalPort();
                }
            }
        }
        throw new IllegalStateException("the UPnP handler is not mounted on a started Jetty server: start the "
                + "HTTP server before the UPnP device");
    }

    synchronized void attach(Router upnpRouter) {
        if (router != null && router != upnpRouter) {
            throw new IllegalStateException("this UPnP handler already serves another UPnP service");
        }
        router = upnpRouter;
        attachments++;
    }

    synchronized void detach(Router upnpRouter) {
        if (router == upnpRouter && --attachments == 0) {
            router = null;
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith(basePath + "/")) {
            return false;
        }
        Router upnp = router;
        if (upnp == null || !enabled(upnp)) {
            PlainReply.send(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "UPnP is not running");
            return true;
        }
        ExchangeConnection connection = new ExchangeConnection(request.getConnectionMetaData());
        InetAddress remote = connection.getRemoteAddress();
        if (!LanClients.isLan(remote)) {
            if (strangersLogged.size() < MAX_LOGGED_STRANGERS && strangersLogged.add(remote)) {
                log.warn("Refused UPnP request from {}: UPnP is served to home-network addresses only",
                        remote.getHostAddress());
            }
            PlainReply.send(response, callback, HttpStatus.FORBIDDEN_403, "UPnP is for the home network only");
            return true;
        }
        UpnpRequest.Method method = UpnpRequest.Method.getByHttpName(request.getMethod());
        if (method == UpnpRequest.Method.UNKNOWN || method == UpnpRequest.Method.MSEARCH) {
            response.getHeaders().put(HttpHeader.ALLOW, ALLOWED);
            PlainReply.send(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                    request.getMethod() + " is not a UPnP method; use " + ALLOWED);
            return true;
        }
        if (request.getLength() > limits.maxRequestBytes()) {
            tooLarge(response, callback);
            return true;
        }
        if (method == UpnpRequest.Method.GET) {
            dispatch(upnp, request, connection, method, new byte[0], response, callback);
            return true;
        }
        BoundedBody.read(request, limits.maxRequestBytes(), new BoundedBody.Outcome() {
            @Override
            public void read(byte[] body) {
                dispatch(upnp, request, connection, method, body, response, callback);
            }

            @Override
            public void tooLarge() {
                UpnpHttpHandler.this.tooLarge(response, callback);
            }

            @Override
            public void failed(Throwable failure) {
                callback.failed(failure);
            }
        });
        return true;
    }

    private static boolean enabled(Router upnp) {
        try {
            return upnp.isEnabled();
        } catch (RouterException e) {
            return false;
        }
    }

    private void tooLarge(Response response, Callback callback) {
        PlainReply.send(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                "UPnP request bodies are limited to " + limits.maxRequestBytes() + " bytes");
    }

    private void dispatch(Router upnp, Request request, ExchangeConnection connection, UpnpRequest.Method method,
                          byte[] body, Response response, Callback callback) {
        StreamRequestMessage message = message(request, connection, method, body);
        try {
            // Not router.received(stream): a router disabled meanwhile would drop the exchange and leave the
            // client waiting; executing here lets a stopped or saturated executor become a 503 at once.
            upnp.getConfiguration().getSyncProtocolExecutorService()
                    .execute(new UpnpExchange(upnp.getProtocolFactory(), message, response, callback));
        } catch (RejectedExecutionException e) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            PlainReply.send(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "UPnP is busy, try again");
        }
    }

    private static StreamRequestMessage message(Request request, ExchangeConnection connection,
                                                UpnpRequest.Method method, byte[] body) {
        StreamRequestMessage message = new StreamRequestMessage(method, URI.create(request.getHttpURI().getPath()));
        message.getOperation().setHttpMinorVersion(request.getConnectionMetaData().getHttpVersion().getVersion()
                == 10 ? 0 : 1);
        message.setConnection(connection);
        UpnpHeaders headers = new UpnpHeaders();
        for (HttpField field : request.getHeaders()) {
            headers.add(field.getName(), field.getValue());
        }
        message.setHeaders(headers);
        if (body.length > 0) {
            if (message.isContentTypeMissingOrText()) {
                message.setBodyCharacters(body);
            } else {
                message.setBody(UpnpMessage.BodyType.BYTES, body);
            }
        }
        return message;
    }

    @Override
    public String toString() {
        return "UPnP at " + basePath;
    }
}
