package org.diva.web;

import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Handles one route; like a Jetty handler, it completes the callback when the response is done. */
@FunctionalInterface
public interface Endpoint {
    void handle(Request request, Response response, Callback callback, Map<String, String> pathParams)
            throws Exception;
}
