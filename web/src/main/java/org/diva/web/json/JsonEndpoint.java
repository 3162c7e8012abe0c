package org.diva.web.json;

import java.util.Map;
import org.diva.web.Endpoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** An endpoint that computes a value to send as JSON with status 200; it throws {@link ApiException} to refuse. */
@FunctionalInterface
public interface JsonEndpoint {
    Object answer(ApiRequest request) throws Exception;

    /** What a JSON endpoint sees of the request. */
    record ApiRequest(Request request, Map<String, String> pathParams, Fields query) {
        public String path(String name) {
            return pathParams.get(name);
        }

        public java.util.Optional<String> query(String name) {
            return java.util.Optional.ofNullable(query.getValue(name)).filter(v -> !v.isBlank());
        }

        /** An integer query parameter within bounds, or the default when absent; out of range is a 400. */
        public int intQuery(String name, int defaultValue, int min, int max) {
            java.util.Optional<String> text = query(name);
            if (text.isEmpty()) {
                return defaultValue;
            }
            try {
                int value = Integer.parseInt(text.get().strip());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw ApiException.badRequest("query parameter '" + name + "' must be a whole number from " + min
                    + " to " + max + ", not '" + text.get() + "'");
        }
    }

    static Endpoint of(JsonEndpoint endpoint) {
        return (request, response, callback, params) -> {
            Object body = endpoint.answer(new ApiRequest(request, params, Request.extractQueryParameters(request)));
            JsonResponses.send(response, callback, 200, body);
        };
    }
}
