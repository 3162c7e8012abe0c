package org.diva.server.pool.membership;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.diva.server.pool.ServerId;

/**
 * A pool member as the registry keeps it.
 *
 * @param certificate its certificate (DER); {@code id} must be that certificate's hash, so a member record cannot
 *                    pair one server's id with another's key
 * @param poolAddress where its JGroups listener is dialled, when known
 * @param peerAddress its peer API's base ({@code https://host:port}), when known
 */
public record Member(ServerId id, String name, byte[] certificate, Optional<HostPort> poolAddress,
                     Optional<URI> peerAddress, Instant added) {
    public static final int MAX_NAME = 100;
    public static final int MAX_CERTIFICATE = 8192;

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(added, "added");
        Objects.requireNonNull(poolAddress, "poolAddress");
        Objects.requireNonNull(peerAddress, "peerAddress");
        name = cleanName(name);
        if (certificate == null || certificate.length == 0 || certificate.length > MAX_CERTIFICATE) {
            throw new IllegalArgumentException("a member's certificate must have 1 to " + MAX_CERTIFICATE
                    + " bytes of DER");
        }
        certificate = certificate.clone();
        if (!ServerId.ofCertificate(certificate).equals(id)) {
            throw new IllegalArgumentException("member " + id.shortForm() + ": its certificate hashes to "
                    + ServerId.ofCertificate(certificate).shortForm() + ", not to its id");
        }
        peerAddress.ifPresent(Member::checkPeerAddress);
    }

    @Override
    public byte[] certificate() {
        return certificate.clone();
    }

    public Member withAddresses(String newName, Optional<HostPort> pool, Optional<URI> peer) {
        return new Member(id, newName, certificate, pool.or(() -> poolAddress), peer.or(() -> peerAddress), added);
    }

    /** A server name fit to show: trimmed, 1 to {@value #MAX_NAME} characters, no control characters. */
    public static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a name must not be empty");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a name must have at most " + MAX_NAME
                    + " characters and no control characters");
        }
        return trimmed;
    }

    /** A peer API base: https, a host, a port, nothing else. */
    public static URI checkPeerAddress(URI uri) {
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null || uri.toString().length() > 300) {
            throw new IllegalArgumentException("a peer address is https://host:port, not '"
                    + abbreviate(uri.toString()) + "'");
        }
        return uri;
    }

    public static URI parsePeerAddress(String text) {
        try {
            return checkPeerAddress(new URI(text));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("a peer address is https://host:port, not '" + abbreviate(text) + "'");
        }
    }

    static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
