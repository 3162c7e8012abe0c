package org.diva.server.pool.sharing;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.diva.server.pool.PoolTrust;
import org.diva.server.pool.ServerId;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/**
 * Who is asking on the peer port: the member whose certificate the TLS handshake verified, or empty for anyone
 * else. Peer endpoints answer members only.
 */
@FunctionalInterface
public interface PeerCaller {
    Optional<ServerId> of(Request request);

    /**
     * The client certificate of a mutual-TLS connection, checked against the members again on every request: TLS
     * 1.3 resumption skips the trust manager, so a member removed since the handshake would otherwise still pass.
     */
    static PeerCaller fromTls(PoolTrust trust) {
        return request -> {
            EndPoint.SslSessionData ssl = (EndPoint.SslSessionData) request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
            if (ssl == null) {
                ssl = request.getConnectionMetaData().getConnection().getEndPoint().getSslSessionData();
            }
            Certificate[] chain = ssl == null ? null : ssl.peerCertificates();
            if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
                return Optional.empty();
            }
            ServerId id = ServerId.of(certificate);
            return trust.isMember(id) ? Optional.of(id) : Optional.empty();
        };
    }
}
