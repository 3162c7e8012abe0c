package org.diva.server.pool.neighbourhood;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.diva.server.pool.Neighbours.Neighbour;
import org.diva.web.json.Json;

/**
 * GETs of a neighbour's peer API that never outlast their deadline and never take more memory than a sane answer
 * needs. A 404 is an answer (empty); anything else that is not a 200 with readable JSON fails with the reason.
 */
final class PeerClient {
    /** A page of 500 items with full metadata is well under this. */
    static final int MAX_ANSWER = 8 << 20;

    /** Asked per request: membership may rebuild its client (new trust, new identity) at any time. */
    private final Supplier<HttpClient> client;
    /** Tolerant of fields added by newer neighbours: the peer protocol grows within /peer/v1. */
    private final ObjectMapper json = Json.newMapper().copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    PeerClient(Supplier<HttpClient> client) {
        this.client = client;
    }

    /**
     * @param pathAndQuery from /peer/v1/..., with query values already {@linkplain #encode encoded}
     * @return completes within {@code deadline} (with a {@link NeighbourUnavailableException} on timeout)
     */
    <T> CompletableFuture<Optional<T>> get(Neighbour neighbour, String pathAndQuery, Class<T> type,
                                          Duration deadline) {
        URI uri = neighbour.peerBase().resolve(pathAndQuery);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(deadline).GET()
                .header("Accept", "application/json").build();
        var sent = client.get().sendAsync(request, CappedBody.handler(MAX_ANSWER));
        CompletableFuture<Optional<T>> answer = sent.thenApply(response -> {
            if (response.statusCode() == 404) {
                return Optional.<T>empty();
            }
            if (response.statusCode() != 200) {
                throw new CompletionException(new NeighbourUnavailableException(name(neighbour) + " answered "
                        + response.statusCode() + " to " + pathAndQuery));
            }
            try {
                return Optional.of(json.readValue(response.body(), type));
            } catch (IOException e) {
                throw new CompletionException(new NeighbourUnavailableException(name(neighbour)
                        + " sent an answer that is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e));
            }
        });
        return answer.orTimeout(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> {
                    sent.cancel(true); // frees the connection of a neighbour that stalls mid-answer
                    return CompletableFuture.failedFuture(unavailable(neighbour, failure, deadline));
                });
    }

    static NeighbourUnavailableException unavailable(Neighbour neighbour, Throwable failure, Duration deadline) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof NeighbourUnavailableException known) {
            return known;
        }
        if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
            return new NeighbourUnavailableException(name(neighbour) + " did not answer within "
                    + deadline.toMillis() + " ms", cause);
        }
        return new NeighbourUnavailableException(name(neighbour) + " cannot be reached: " + cause, cause);
    }

    static String name(Neighbour neighbour) {
        return "neighbour '" + neighbour.name() + "' (" + neighbour.id().shortForm() + ")";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
