package org.diva.server.pool.membership;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.diva.server.pool.ServerId;

/**
 * A member on the wire (the join answer and pool messages): id, name, certificate DER in base64, addresses.
 * {@link #toMember} validates everything, since it comes from another server.
 */
public record MemberJson(String id, String name, String certificate, Optional<String> poolAddress,
                         Optional<String> peerAddress) {
    public static MemberJson of(Member m) {
        return new MemberJson(m.id().toString(), m.name(), Base64.getEncoder().encodeToString(m.certificate()),
                m.poolAddress().map(HostPort::toString), m.peerAddress().map(Object::toString));
    }

    /** @throws IllegalArgumentException naming the field that is wrong */
    public Member toMember(Instant added) {
        if (id == null || name == null || certificate == null || poolAddress == null || peerAddress == null) {
            throw new IllegalArgumentException("a member needs id, name and certificate");
        }
        if (certificate.length() > Member.MAX_CERTIFICATE * 2) {
            throw new IllegalArgumentException("member certificate: longer than " + Member.MAX_CERTIFICATE + " bytes");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(certificate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("member certificate: not base64 (" + e.getMessage() + ")");
        }
        return new Member(ServerId.parse(id), name, der, poolAddress.map(HostPort::parse),
                peerAddress.map(Member::parsePeerAddress), added);
    }
}
