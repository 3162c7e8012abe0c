package org.diva.server.pool.membership;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.diva.server.pool.PoolTrust;
import org.diva.server.pool.ServerId;
import org.diva.web.json.JsonResponses;
import org.diva.web.peer.PeerCertificates;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Checks every peer request's client certificate against the members now. The handshake already did, but a
 * joiner's handshake passes on an invite's server name, and a resumed TLS session skips the trust manager: so
 * only {@value #JOIN_PATH} is open to a certificate that is not a member's, and everything else answers 403.
 */
public final class MemberGate extends Handler.Wrapper {
    public static final String JOIN_PATH = "/peer/v1/join";

    private final PoolTrust trust;

    public MemberGate(PoolTrust trust, Handler next) {
        super(next);
        this.trust = trust;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Optional<X509Certificate> caller = PeerCertificates.of(request);
        if (caller.isEmpty()) {
            JsonResponses.error(response, callback, 403, "the peer API needs a client certificate");
            return true;
        }
        if (!JOIN_PATH.equals(Request.getPathInContext(request)) && !trust.isMember(ServerId.of(caller.get()))) {
            JsonResponses.error(response, callback, 403, "not a member of this pool: "
                    + ServerId.of(caller.get()).shortForm());
            return true;
        }
        return super.handle(request, response, callback);
    }
}
