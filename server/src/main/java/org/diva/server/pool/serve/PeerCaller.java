package org.diva.server.pool.serve;

import java.util.Optional;
import org.diva.server.pool.ServerId;
import org.eclipse.jetty.server.Request;

/** Who is asking, by the certificate of the TLS connection: a member of the pool, or nobody the endpoints serve. */
@FunctionalInterface
public interface PeerCaller {
    /** The calling member's id; empty for a caller that is not (or no longer) a member. */
    Optional<ServerId> of(Request request);
}
