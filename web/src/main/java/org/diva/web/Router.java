package org.diva.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.diva.web.json.JsonResponses;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes requests by method and path pattern. An unknown path is a JSON 404, a known path with the wrong method
 * a JSON 405 with {@code Allow}; a failing endpoint becomes a JSON 500 (never a stack trace to the client).
 */
public final class Router extends Handler.Abstract {
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
                JsonResponses.fail(response, callback, failure);
            }
            return true;
        }
        if (!allowed.isEmpty()) {
            response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed));
            JsonResponses.error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                    request.getMethod() + " is not allowed on " + path + "; use " + String.join(" or ", allowed));
            return true;
        }
        JsonResponses.error(response, callback, HttpStatus.NOT_FOUND_404, "no such resource: " + path);
        return true;
    }
}
