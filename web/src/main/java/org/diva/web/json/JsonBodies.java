package org.diva.web.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
    private static final ObjectMapper MAPPER = Json.newMapper();

    private JsonBodies() {
    }

    /** The body as a JSON object. */
    public static JsonNode object(Request request) {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > MAX_BYTES) {
            throw new ApiException(413, "the request body has " + declared + " bytes; at most " + MAX_BYTES);
        }
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(MAX_BYTES + 1); // Jetty's idle timeout ends a client that stalls
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the request body: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new ApiException(413, "the request body is longer than " + MAX_BYTES + " bytes; at most "
                    + MAX_BYTES);
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
