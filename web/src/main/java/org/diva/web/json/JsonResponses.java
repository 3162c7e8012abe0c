package org.diva.web.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes JSON bodies and JSON errors. */
public final class JsonResponses {
    private static final Logger LOG = LoggerFactory.getLogger(JsonResponses.class);
    private static final ObjectMapper MAPPER = Json.newMapper();

    private JsonResponses() {
    }

    public static void send(Response response, Callback callback, int status, Object body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            fail(response, callback, e);
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    public static void error(Response response, Callback callback, int status, String message) {
        send(response, callback, status, ErrorBody.of(status, message));
    }

    /** An {@link ApiException} keeps its status; anything else is logged and becomes a 500. */
    public static void fail(Response response, Callback callback, Throwable failure) {
        if (response.isCommitted()) {
            callback.failed(failure);
            return;
        }
        response.reset();
        if (failure instanceof ApiException api) {
            error(response, callback, api.status(), api.getMessage());
        } else {
            LOG.warn("request failed", failure);
            error(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
                    "internal error: " + failure.getClass().getSimpleName() + "; see the server log");
        }
    }
}
