package org.diva.server.pool.membership;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.diva.server.pool.Neighbours;

/**
 * Measures each online member's round trip with {@code GET /peer/v1/info} over the peer API (the same TLS path
 * bulk transfers take), asynchronously; a failure marks the member suspected, a refused handshake marks it as
 * refusing us.
 */
final class Pinger {
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final MemberView view;
    private final HttpClient client;

    Pinger(MemberView view, HttpClient client) {
        this.view = view;
        this.client = client;
    }

    /**
     * Pings every other member with a peer address once, in the view or not (one that is not may be refusing us,
     * which is how a removed server learns it); answers arrive later.
     */
    void pingAll() {
        for (Neighbours.Neighbour n : view.known()) {
            HttpRequest request = HttpRequest.newBuilder(n.peerBase().resolve("/peer/v1/info"))
                    .timeout(TIMEOUT).GET().build();
            long start = System.nanoTime();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure == null && response.statusCode() == 200) {
                    view.pinged(n.id(), System.nanoTime() - start);
                } else {
                    view.pingFailed(n.id(), failure != null && refused(failure)
                            || response != null && response.statusCode() == 403);
                }
            });
        }
    }

    private static boolean refused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException) {
                return true;
            }
            if (!(t instanceof CompletionException) && t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
