package org.diva.server.pool.serve;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.diva.server.pool.PoolTrust;
import org.diva.server.pool.ServerId;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/**
 * The caller from the TLS session's client certificate, checked against the members again on every request: a
 * member removed while its connection stayed open (or resumed a session) gets nothing.
 */
public final class TlsPeerCaller implements PeerCaller {
    private final PoolTrust trust;

    public TlsPeerCaller(PoolTrust trust) {
        this.trust = trust;
    }

    @Override
    public Optional<ServerId> of(Request request) {
        EndPoint.SslSessionData ssl = request.getConnectionMetaData().getConnection().getEndPoint()
                .getSslSessionData();
        if (ssl == null || ssl.peerCertificates() == null || ssl.peerCertificates().length == 0) {
            return Optional.empty();
        }
        X509Certificate certificate = ssl.peerCertificates()[0];
        ServerId id = ServerId.of(certificate);
        return trust.isMember(id) ? Optional.of(id) : Optional.empty();
    }
}
