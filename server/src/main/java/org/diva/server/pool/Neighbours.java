package org.diva.server.pool;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Objects;

/**
 * The pool's other members as the rest of the server sees them: who is up now and how to reach their peer API.
 * Membership implements it; the neighbours' catalogue and the swarm reader consume it.
 */
public interface Neighbours {

    /** The members other than this server that are in the current view, with a peer address. */
    List<Neighbour> online();

    /**
     * An HTTP client for the peer API: mutual TLS with this server's identity, trusting members only. Its requests
     * go to {@link Neighbour#peerBase()}.
     */
    HttpClient client();

    /** This server's own id, to tell its own entries apart. */
    ServerId self();

    /**
     * A member that is up.
     *
     * @param peerBase its peer API's base, e.g. {@code https://203.0.113.7:8311}; paths start with /peer/v1/
     */
    record Neighbour(ServerId id, String name, URI peerBase) {
        public Neighbour {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(peerBase, "peerBase");
        }
    }
}
