package org.diva.web.peer;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Request;

/**
 * The client certificate a peer presented in the TLS handshake of a request's connection. Peer endpoints take the
 * caller's identity from here, never from anything in the request itself.
 */
public final class PeerCertificates {
    private PeerCertificates() {
    }

    /** The client's leaf certificate, or empty on a connection without TLS or without a client certificate. */
    public static Optional<X509Certificate> of(Request request) {
        EndPoint.SslSessionData ssl = request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE)
                instanceof EndPoint.SslSessionData data ? data
                : request.getConnectionMetaData().getConnection().getEndPoint().getSslSessionData();
        if (ssl == null) {
            return Optional.empty();
        }
        X509Certificate[] chain = ssl.peerCertificates();
        return chain == null || chain.length == 0 ? Optional.empty() : Optional.of(chain[0]);
    }

    /** The leaf certificate of the peer on a TLS endpoint, or empty (not TLS, handshake not done). */
    static Optional<X509Certificate> of(EndPoint endPoint) {
        Connection connection = endPoint.getConnection();
        if (!(connection instanceof SslConnection ssl)) {
            return Optional.empty();
        }
        SSLEngine engine = ssl.getSSLEngine();
        try {
            Certificate[] chain = engine.getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? Optional.of(leaf) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }
}
