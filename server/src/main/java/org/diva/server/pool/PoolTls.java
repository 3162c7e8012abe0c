package org.diva.server.pool;

import java.security.GeneralSecurityException;
import java.util.Enumeration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;

/**
 * The one TLS context of the pool: this server's identity as the key, {@link PoolTrust} as the trust, TLS 1.3. The
 * pool port (JGroups), the peer HTTPS API (Jetty) and the peer client (the JDK's HttpClient) all use it, so a
 * member added or removed is trusted or refused everywhere at once.
 *
 * <p>TLS 1.3 resumption skips the trust manager, so a removed member could come back on a resumed session.
 * {@link #forgetSessions()} invalidates every cached session after a removal; for it to reach the server side,
 * stateless session tickets must be off ({@link #disableStatelessTickets()}, called before any TLS context exists).
 */
public final class PoolTls {
    private final ServerIdentity identity;
    private final PoolTrust trust;
    private final SSLContext context;

    public PoolTls(ServerIdentity identity, PoolTrust trust) {
        this.identity = identity;
        this.trust = trust;
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(identity.keyStore(), identity.password());
            context = SSLContext.getInstance("TLSv1.3");
            context.init(keys.getKeyManagers(), new TrustManager[] {trust}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the pool's TLS context cannot be made: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the JDK keep TLS sessions on the server, where {@link #forgetSessions()} can invalidate them, rather than
     * in stateless tickets held by clients. Must run before the first TLS context of the process is made.
     */
    public static void disableStatelessTickets() {
        System.setProperty("jdk.tls.server.enableSessionTicketExtension", "false");
    }

    public SSLContext context() {
        return context;
    }

    public PoolTrust trust() {
        return trust;
    }

    public ServerIdentity identity() {
        return identity;
    }

    /** Invalidates every cached session, server and client side, so the next connection does a full handshake. */
    public void forgetSessions() {
        forget(context.getServerSessionContext());
        forget(context.getClientSessionContext());
    }

    private static void forget(SSLSessionContext sessions) {
        if (sessions == null) {
            return;
        }
        for (Enumeration<byte[]> ids = sessions.getIds(); ids.hasMoreElements(); ) {
            SSLSession session = sessions.getSession(ids.nextElement());
            if (session != null) {
                session.invalidate();
            }
        }
    }
}
