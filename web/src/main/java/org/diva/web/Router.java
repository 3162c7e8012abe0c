package org.diva.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.diva.web.json.JsonResponses;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes requests by method and path pattern. An unknown path is a JSON 404, a known path with the wrong method
 * a JSON 405 with {@code Allow}; a failing endpoint becomes a JSON 500 (never a stack trace to the client).
 */
public final class Router extends Handler.Abstract {
    /** Bodies larger than this are not read before an error answer: Jetty closes such connections. */
    private static final long MAX_DISCARDED = 64 * 1024;

    private record Route(String method, PathPattern pattern, Endpoint endpoint) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String pattern, Endpoint endpoint) {
        routes.add(new Route(method, PathPattern.of(pattern), endpoint));
        return this;
    }

    public Router get(String pattern, Endpoint endpoint) {
        return add("GET", pattern, endpoint);
    }

    /** GET, and HEAD answered by the same endpoint (which must then send headers only). */
    public Router getAndHead(String pattern, Endpoint endpoint) {
        return add("GET", pattern, endpoint).add("HEAD", pattern, endpoint);
    }

    public Router post(String pattern, Endpoint endpoint) {
        return add("POST", pattern, endpoint);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.pattern().match(path);
            if (params.isEmpty()) {
                continue;
            }
            if (!route.method().equals(request.getMethod())) {
                allowed.add(route.method());
                continue;
            }
            try {
                route.endpoint().handle(request, response, callback, params.get());
            } catch (Throwable failure) {
                discardBody(request);
                JsonResponses.fail(response, callback, failure);
            }
            return true;
        }
        discardBody(request);
        if (!allowed.isEmpty()) {
            response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed));
            JsonResponses.error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                    request.getMethod() + " is not allowed on " + path + "; use " + String.join(" or ", allowed));
            return true;
        }
        JsonResponses.error(response, callback, HttpStatus.NOT_FOUND_404, "no such resource: " + path);
        return true;
    }

    /**
     * Reads and drops what is left of a small request body before an error answer. Otherwise the body may arrive
     * after the answer is complete, Jetty then closes the connection without having said so in the answer, and a
     * client that pooled the connection (the JDK's does) fails its next request on a dead socket.
     */
    private static void discardBody(Request request) {
        HttpFields headers = request.getHeaders();
        if (!headers.contains(HttpHeader.CONTENT_LENGTH) && !headers.contains(HttpHeader.TRANSFER_ENCODING)) {
            return;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] buffer = new byte[8192];
            long left = MAX_DISCARDED;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or sent garbage; the answer goes out regardless and Jetty closes the connection
        }
    }
}
