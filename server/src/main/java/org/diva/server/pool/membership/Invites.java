package org.diva.server.pool.membership;

import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.diva.server.pool.ServerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invites, both sides: making one, admitting a joiner that redeems it (inviter), and joining with one (joiner).
 *
 * <p>The inviter adds the joiner (certificate from the TLS session, never from the body) in the transaction that
 * marks the invite used, tells every member (MemberAdded) and waits for their acks before it answers: the joiner
 * then connects to the group, and its JOIN goes to the coordinator, which may not be the inviter but already
 * trusts it.
 */
final class Invites {
    private static final Logger LOG = LoggerFactory.getLogger(Invites.class);

    private final Membership m;
    private final JoinClient joinClient = new JoinClient();

    Invites(Membership membership) {
        this.m = membership;
    }

    InviteCode invite(Duration validity) throws SQLException {
        synchronized (m) {
            String pool = m.requirePool();
            if (validity.isNegative() || validity.isZero() || validity.compareTo(Duration.ofDays(30)) > 0) {
                throw new IllegalArgumentException("an invite is valid for a moment up to 30 days, not " + validity);
            }
            String id = HexFormat.of().formatHex(Pool.random(m.random, InviteCode.ID_BYTES));
            byte[] secret = Pool.random(m.random, InviteCode.SECRET_BYTES);
            Instant expires = m.clock.instant().plus(validity);
            m.registry.addInvite(id, Pool.sha256(secret), expires);
            return new InviteCode(pool, m.self, id, secret, expires, List.of(m.advertised.peer()));
        }
    }

    /** The inviter's side of {@code POST /peer/v1/join}; {@code caller} is the joiner's TLS certificate. */
    PeerWire.JoinAnswer admit(X509Certificate caller, PeerWire.JoinRequest request) throws Exception {
        long ack = m.random.nextLong();
        PeerWire.JoinAnswer answer;
        synchronized (m) {
            String pool = m.requirePool();
            if (request.invite() == null || request.secret() == null || request.name() == null
                    || request.poolAddress() == null || request.peerAddress() == null) {
                throw new IllegalArgumentException("a join request needs invite, secret and name");
            }
            String inviteId = InviteCode.checkInviteId(request.invite());
            byte[] secret;
            try {
                secret = Base64.getUrlDecoder().decode(request.secret());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the invite's secret is not base64url");
            }
            Member joiner = new Member(ServerId.of(caller), request.name(), Pool.der(caller),
                    request.poolAddress().map(HostPort::parse), request.peerAddress().map(Member::parsePeerAddress),
                    m.clock.instant());
            m.registry.redeem(inviteId, Pool.sha256(secret), joiner, m.clock.instant());
            LOG.info("{} ({}) joined pool '{}' with invite {}", joiner.name(), joiner.id().shortForm(), pool,
                    inviteId);
            m.refresh();
            m.acks.expect(ack, m.othersInView(Set.of(joiner.id())));
            m.broadcast(new PoolMessage.MemberAdded(MemberJson.of(joiner), ack));
            answer = new PeerWire.JoinAnswer(pool, m.registry.members().stream().map(MemberJson::of).toList());
        }
        Set<ServerId> missing = m.acks.await(ack, Membership.ACK_TIMEOUT);
        if (!missing.isEmpty()) {
            LOG.warn("members {} did not confirm the new member in time; they learn it from the roster", missing);
        }
        return answer;
    }

    /** The joiner's side: redeem the invite, remember what the inviter said, connect. */
    void join(InviteCode code) throws Exception {
        synchronized (m) {
            m.requireNoPool();
            if (code.inviter().equals(m.self)) {
                throw new IllegalArgumentException("this invite was made by this server: give it to a neighbour");
            }
        }
        if (!code.expires().isAfter(m.clock.instant())) {
            throw new InviteRefusedException("this invite expired at " + code.expires() + ": ask for a new one");
        }
        PeerWire.JoinRequest request = new PeerWire.JoinRequest(code.inviteId(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(code.secret()), m.name,
                Optional.of(m.advertised.pool().toString()), Optional.of(m.advertised.peer().toString()));
        PeerWire.JoinAnswer answer = joinClient.join(m.identity, code, request);
        synchronized (m) {
            m.requireNoPool();
            Instant now = m.clock.instant();
            List<Member> members = answer.members() == null ? List.of()
                    : answer.members().stream().map(x -> x.toMember(now)).toList();
            Set<ServerId> ids = new HashSet<>();
            members.forEach(x -> ids.add(x.id()));
            if (!ids.contains(m.self) || !ids.contains(code.inviter()) || answer.pool() == null) {
                throw new IllegalStateException("the inviter's answer lacks the pool, this server or itself");
            }
            m.registry.enter(answer.pool(), now, members);
            m.registry.put(m.selfMember(), false);
            m.poolName = Optional.of(answer.pool());
            m.refresh();
            m.openChannel();
        }
    }
}
