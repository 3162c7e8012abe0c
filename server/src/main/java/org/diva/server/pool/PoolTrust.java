package org.diva.server.pool;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Who this server talks TLS to: members of its pool, recognised by their certificate's hash, on the pool port, the
 * peer API and as a client alike. A stranger fails the handshake.
 *
 * <p>One exception, on the server side only: a joiner presenting an open invite's id as its TLS server name
 * ({@code inv-ID.join.invalid}) is let through the handshake, so it can redeem the invite's secret at
 * {@code /peer/v1/join} and nowhere else (the peer API checks each request's certificate against the members).
 *
 * <p>It extends {@link X509ExtendedTrustManager} because the JDK wraps a plain X509TrustManager in a host name
 * check, which certificates pinned by hash (with no host names) would fail.
 */
public final class PoolTrust extends X509ExtendedTrustManager {
    /** The SNI suffix that marks a joiner's handshake; {@code .invalid} is reserved and never resolves (RFC 2606). */
    public static final String JOIN_SNI_SUFFIX = ".join.invalid";
    public static final String JOIN_SNI_PREFIX = "inv-";

    private final Set<ServerId> members = ConcurrentHashMap.newKeySet();
    private volatile Predicate<String> openInvite = id -> false;

    /** Replaces the members whose certificates are accepted. */
    public void setMembers(Collection<ServerId> ids) {
        members.retainAll(Set.copyOf(ids));
        members.addAll(ids);
    }

    public void addMember(ServerId id) {
        members.add(id);
    }

    public void removeMember(ServerId id) {
        members.remove(id);
    }

    public boolean isMember(ServerId id) {
        return members.contains(id);
    }

    /** Tells which invite ids are open now (unused, unexpired); a joiner naming one passes the server handshake. */
    public void setOpenInvites(Predicate<String> isOpen) {
        this.openInvite = isOpen;
    }

    /** The server name a joiner's client sends for an invite. */
    public static String joinServerName(String inviteId) {
        return JOIN_SNI_PREFIX + inviteId + JOIN_SNI_SUFFIX;
    }

    private void check(X509Certificate[] chain, SSLSession handshake, boolean clientSide)
            throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no certificate presented: the pool accepts members only");
        }
        ServerId id = ServerId.of(chain[0]);
        if (members.contains(id)) {
            return;
        }
        if (!clientSide && namesOpenInvite(handshake)) {
            return;
        }
        throw new CertificateException("not a member of this pool: " + id.shortForm());
    }

    private boolean namesOpenInvite(SSLSession handshake) {
        if (!(handshake instanceof ExtendedSSLSession extended)) {
            return false;
        }
        List<SNIServerName> names = extended.getRequestedServerNames();
        for (SNIServerName name : names) {
            if (name instanceof SNIHostName host) {
                String text = host.getAsciiName();
                if (text.startsWith(JOIN_SNI_PREFIX) && text.endsWith(JOIN_SNI_SUFFIX)) {
                    String invite = text.substring(JOIN_SNI_PREFIX.length(), text.length() - JOIN_SNI_SUFFIX.length());
                    if (openInvite.test(invite)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null, false);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, engine == null ? null : engine.getHandshakeSession(), false);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, null, false);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, null, true);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, null, true);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, null, true);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
