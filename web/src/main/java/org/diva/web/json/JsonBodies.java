package org.diva.web.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request's JSON body, small and bounded: API commands are a few fields, so anything over
 * {@link #MAX_BYTES} is refused (413) without being read whole, and a body that is missing or not JSON is a 400
 * that says so.
 */
public final class JsonBodies {
    public static final int MAX_BYTES = 64 * 1024;
    private static final long READ_SECONDS = 30;
    private static final ObjectMapper MAPPER = Json.newMapper();

    private JsonBodies() {
    }

    /** The body as a JSON object. */
    public static JsonNode object(Request request) throws InterruptedException {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > MAX_BYTES) {
            throw new ApiException(413, "the request body has " + declared + " bytes; at most " + MAX_BYTES);
        }
        byte[] bytes;
        try {
            bytes = Content.Source.asByteArrayAsync(request, MAX_BYTES).get(READ_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ApiException(e.getCause() instanceof IllegalArgumentException ? 413 : 400,
                    "cannot read the request body (at most " + MAX_BYTES + " bytes): " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw ApiException.badRequest("the request body did not arrive within " + READ_SECONDS + " s");
        }
        if (bytes.length == 0) {
            throw ApiException.badRequest("this request needs a JSON object as its body");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object, like {\"item\": 12}");
        }
        return node;
    }
}
