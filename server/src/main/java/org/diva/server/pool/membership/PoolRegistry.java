package org.diva.server.pool.membership;

import java.net.URI;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.diva.server.pool.ServerId;

/**
 * The pool as this server remembers it across restarts (H2, migration V8): the pool's name, every member with its
 * certificate and addresses (removed ones flagged, never deleted while in the pool), the invites it made and a
 * notice after an involuntary leave. All methods are transactions of their own.
 */
public final class PoolRegistry {
    /** What a pool is called, and since when. */
    public record PoolInfo(String name, Instant created) {
    }

    private final DataSource data;

    public PoolRegistry(DataSource data) {
        this.data = data;
    }

    public Optional<PoolInfo> pool() throws SQLException {
        try (Connection c = data.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT name, created FROM pool WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new PoolInfo(r.getString(1), instant(r, 2))) : Optional.empty();
        }
    }

    /** Starts remembering a pool with its first members (the creator alone, or what a joiner was told). */
    public void enter(String name, Instant created, List<Member> members) throws SQLException {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try {
                forget(c);
                try (PreparedStatement s = c.prepareStatement("INSERT INTO pool (id, name, created) VALUES (1, ?, ?)")) {
                    s.setString(1, Member.cleanName(name));
                    s.setObject(2, time(created));
                    s.executeUpdate();
                }
                for (Member m : members) {
                    insert(c, m);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Forgets the pool, its members and invites (leave, or removed), keeping {@code notice} for the household. */
    public void forget(Optional<String> notice, Instant now) throws SQLException {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            forget(c);
            if (notice.isPresent()) {
                try (PreparedStatement s = c.prepareStatement(
                        "MERGE INTO pool_notice (id, message, at) KEY (id) VALUES (1, ?, ?)")) {
                    s.setString(1, notice.get());
                    s.setObject(2, time(now));
                    s.executeUpdate();
                }
            }
            c.commit();
        }
    }

    private static void forget(Connection c) throws SQLException {
        for (String table : List.of("pool_invite", "pool_member", "pool", "pool_notice")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table)) {
                s.executeUpdate();
            }
        }
    }

    public Optional<String> notice() throws SQLException {
        try (Connection c = data.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT message FROM pool_notice WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
    }

    /** The members not removed, this server included. */
    public List<Member> members() throws SQLException {
        List<Member> out = new ArrayList<>();
        try (Connection c = data.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT server_id, name, certificate, pool_address, "
                     + "peer_address, added FROM pool_member WHERE NOT removed ORDER BY added, server_id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new Member(ServerId.parse(r.getString(1)), r.getString(2), r.getBytes(3),
                        Optional.ofNullable(r.getString(4)).map(HostPort::parse),
                        Optional.ofNullable(r.getString(5)).map(URI::create), instant(r, 6)));
            }
        }
        return out;
    }

    public Set<ServerId> removed() throws SQLException {
        Set<ServerId> out = new HashSet<>();
        try (Connection c = data.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT server_id FROM pool_member WHERE removed");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(ServerId.parse(r.getString(1)));
            }
        }
        return out;
    }

    /**
     * Adds a member, or updates its name and addresses if known. A removed member stays removed unless
     * {@code readmit} (a member invited it again).
     *
     * @return false if the member was removed before (nothing changed)
     */
    public boolean put(Member m, boolean readmit) throws SQLException {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean done = put(c, m, readmit);
                c.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean put(Connection c, Member m, boolean readmit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT removed FROM pool_member WHERE server_id = ? FOR UPDATE")) {
            s.setString(1, m.id().toString());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    if (r.getBoolean(1) && !readmit) {
                        return false;
                    }
                    try (PreparedStatement u = c.prepareStatement("UPDATE pool_member SET name = ?, removed = FALSE, "
                            + "pool_address = COALESCE(?, pool_address), peer_address = COALESCE(?, peer_address) "
                            + "WHERE server_id = ?")) {
                        u.setString(1, m.name());
                        u.setString(2, m.poolAddress().map(HostPort::toString).orElse(null));
                        u.setString(3, m.peerAddress().map(URI::toString).orElse(null));
                        u.setString(4, m.id().toString());
                        u.executeUpdate();
                    }
                    return true;
                }
            }
        }
        insert(c, m);
        return true;
    }

    private static void insert(Connection c, Member m) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO pool_member (server_id, name, certificate, "
                + "pool_address, peer_address, added) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, m.id().toString());
            s.setString(2, m.name());
            s.setBytes(3, m.certificate());
            s.setString(4, m.poolAddress().map(HostPort::toString).orElse(null));
            s.setString(5, m.peerAddress().map(URI::toString).orElse(null));
            s.setObject(6, time(m.added()));
            s.executeUpdate();
        }
    }

    /** Flags a member removed; true if it was a member until now. */
    public boolean markRemoved(ServerId id) throws SQLException {
        try (Connection c = data.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE pool_member SET removed = TRUE WHERE server_id = ? AND NOT removed")) {
            s.setString(1, id.toString());
            return s.executeUpdate() == 1;
        }
    }

    public void addInvite(String id, byte[] secretHash, Instant expires) throws SQLException {
        try (Connection c = data.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO pool_invite (id, secret_hash, expires) VALUES (?, ?, ?)")) {
            s.setString(1, id);
            s.setBytes(2, secretHash);
            s.setObject(3, time(expires));
            s.executeUpdate();
        }
    }

    /** Whether an invite is unused and unexpired: the TLS handshake lets its joiner in on this. */
    public boolean isOpenInvite(String id, Instant now) throws SQLException {
        try (Connection c = data.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT COUNT(*) FROM pool_invite WHERE id = ? AND NOT used AND expires > ?")) {
            s.setString(1, id);
            s.setObject(2, time(now));
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getLong(1) == 1;
            }
        }
    }

    /**
     * Redeems an invite for a joiner: checks the secret (constant time, against its hash), marks the invite used
     * and adds the joiner, in one transaction, so two joiners racing with one invite cannot both get in.
     *
     * @throws InviteRefusedException saying why (unknown, used, expired, wrong secret)
     */
    public void redeem(String inviteId, byte[] secretHash, Member joiner, Instant now) throws SQLException {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT secret_hash, expires, used FROM pool_invite WHERE id = ? FOR UPDATE")) {
                    s.setString(1, inviteId);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            throw new InviteRefusedException("this server made no invite " + inviteId);
                        }
                        if (!MessageDigest.isEqual(r.getBytes(1), secretHash)) {
                            throw new InviteRefusedException("the invite's secret is wrong: copy the whole code");
                        }
                        if (r.getBoolean(3)) {
                            throw new InviteRefusedException("this invite was used already; an invite works once: "
                                    + "ask for a new one");
                        }
                        if (!instant(r, 2).isAfter(now)) {
                            throw new InviteRefusedException("this invite expired at " + instant(r, 2)
                                    + ": ask for a new one");
                        }
                    }
                }
                try (PreparedStatement u = c.prepareStatement(
                        "UPDATE pool_invite SET used = TRUE, used_by = ? WHERE id = ?")) {
                    u.setString(1, joiner.id().toString());
                    u.setString(2, inviteId);
                    u.executeUpdate();
                }
                put(c, joiner, true); // a member invited it (again): that re-admits a removed server
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toInstant();
    }
}
