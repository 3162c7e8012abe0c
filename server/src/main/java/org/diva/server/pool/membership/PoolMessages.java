package org.diva.server.pool.membership;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.diva.web.json.Json;

/** Encodes pool messages as JSON and decodes them strictly: bounded size, known types, all fields checked later. */
final class PoolMessages {
    /** A roster of a few hundred members fits; anything larger is not ours. */
    static final int MAX_BYTES = 1 << 20;
    private final ObjectMapper mapper = Json.newMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, false);

    byte[] encode(PoolMessage message) {
        try {
            return mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pool message cannot be written: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException if it is too long, not JSON or not a known message */
    PoolMessage decode(byte[] bytes, int offset, int length) {
        if (length > MAX_BYTES) {
            throw new IllegalArgumentException("a pool message of " + length + " bytes; at most " + MAX_BYTES);
        }
        try {
            PoolMessage message = mapper.readValue(bytes, offset, length, PoolMessage.class);
            if (message == null) {
                throw new IllegalArgumentException("an empty pool message");
            }
            return message;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a pool message: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
