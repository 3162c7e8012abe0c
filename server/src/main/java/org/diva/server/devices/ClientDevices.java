package org.diva.server.devices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Records which clients talk to DiVA. Every HTTP request is a sighting, so writes are coalesced: a new client is
 * written at once (it shows up in the dashboard straight away), after that its request count and last-seen time
 * at most every {@link #WRITE_INTERVAL}, and everything pending when the list is read or DiVA stops. Past
 * {@link #MAX_DEVICES} rows the least recently seen are dropped, so a flood of made-up user agents cannot grow
 * the database without bound.
 */
public final class ClientDevices implements AutoCloseable {
    static final Duration WRITE_INTERVAL = Duration.ofSeconds(30);
    static final int MAX_DEVICES = 500;

    private record Key(String address, String userAgent) {
    }

    /** What has not been written yet for one client. */
    private static final class Pending {
        final AtomicLong requests = new AtomicLong();
        volatile Instant lastSeen;
        volatile Optional<String> avClientInfo = Optional.empty();
        Instant written;
        Optional<String> writtenAvClientInfo = Optional.empty();
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<Key, Pending> pending = new ConcurrentHashMap<>();

    public ClientDevices(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public void seen(ClientSighting sighting) throws SQLException {
        Instant now = clock.instant();
        if (pending.size() >= MAX_DEVICES) {
            flushAll();
            pending.clear();
        }
        Pending p = pending.computeIfAbsent(new Key(sighting.address(), sighting.userAgent()), k -> new Pending());
        p.requests.incrementAndGet();
        p.lastSeen = now;
        if (sighting.avClientInfo().isPresent()) {
            p.avClientInfo = sighting.avClientInfo();
        }
        synchronized (p) {
            if (p.written == null || !p.avClientInfo.equals(p.writtenAvClientInfo)
                    || Duration.between(p.written, now).compareTo(WRITE_INTERVAL) >= 0) {
                write(new Key(sighting.address(), sighting.userAgent()), p);
            }
        }
    }

    /** Records what a UPnP device on the network says of itself (replacing what was known for its address). */
    public void described(UpnpDescription description) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("MERGE INTO upnp_description (address, udn, device_type, "
                     + "friendly_name, manufacturer, model_name, model_number, seen) KEY (address) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, description.address());
            s.setString(2, cut(description.udn(), 128));
            s.setString(3, cut(description.deviceType(), 256));
            setOptional(s, 4, description.friendlyName().map(v -> cut(v, 256)));
            setOptional(s, 5, description.manufacturer().map(v -> cut(v, 256)));
            setOptional(s, 6, description.modelName().map(v -> cut(v, 256)));
            setOptional(s, 7, description.modelNumber().map(v -> cut(v, 128)));
            s.setTimestamp(8, Timestamp.from(clock.instant()));
            s.executeUpdate();
        }
    }

    /** Every recorded client, most recently seen first. */
    public List<ClientDevice> list() throws SQLException {
        flushAll();
        return select("ORDER BY d.last_seen DESC, d.id", s -> {
        });
    }

    /** The client that sends this user agent from this address, if it has been seen. */
    public Optional<ClientDevice> find(String address, String userAgent) throws SQLException {
        List<ClientDevice> found = select("WHERE d.address = ? AND d.user_agent = ?", s -> {
            s.setString(1, address);
            s.setString(2, userAgent);
        });
        return found.stream().findFirst();
    }

    /** What the UPnP device at this address says of itself, if DiVA has read its description. */
    public Optional<UpnpDescription> description(String address) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT address, udn, device_type, friendly_name, "
                     + "manufacturer, model_name, model_number FROM upnp_description WHERE address = ?")) {
            s.setString(1, address);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(description(r, 1)) : Optional.empty();
            }
        }
    }

    /**
     * Pins a device profile to a client, or unpins it (empty), whatever DiVA would recognise it as.
     *
     * @return false if there is no such client
     */
    public boolean pin(long id, Optional<String> profile) throws SQLException {
        flushAll();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE client_device SET pinned_profile = ? WHERE id = ?")) {
            setOptional(s, 1, profile);
            s.setLong(2, id);
            return s.executeUpdate() > 0;
        }
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<ClientDevice> select(String whereAndOrder, Binder binder) throws SQLException {
        List<ClientDevice> devices = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT d.id, d.address, d.user_agent, d.av_client_info, "
                     + "d.first_seen, d.last_seen, d.requests, d.pinned_profile, u.address, u.udn, u.device_type, "
                     + "u.friendly_name, u.manufacturer, u.model_name, u.model_number FROM client_device d "
                     + "LEFT JOIN upnp_description u ON u.address = d.address " + whereAndOrder)) {
            binder.bind(s);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Optional<UpnpDescription> upnp = r.getString(10) == null ? Optional.empty()
                            : Optional.of(description(r, 9));
                    devices.add(new ClientDevice(r.getLong(1), r.getString(2), r.getString(3),
                            Optional.ofNullable(r.getString(4)), upnp, instant(r, 5), instant(r, 6), r.getLong(7),
                            Optional.ofNullable(r.getString(8))));
                }
            }
        }
        return devices;
    }

    /** The seven description columns starting at {@code first}, in the table's order. */
    private static UpnpDescription description(ResultSet r, int first) throws SQLException {
        return new UpnpDescription(r.getString(first), r.getString(first + 1), r.getString(first + 2),
                Optional.ofNullable(r.getString(first + 3)), Optional.ofNullable(r.getString(first + 4)),
                Optional.ofNullable(r.getString(first + 5)), Optional.ofNullable(r.getString(first + 6)));
    }

    private void flushAll() throws SQLException {
        for (Map.Entry<Key, Pending> entry : pending.entrySet()) {
            synchronized (entry.getValue()) {
                if (entry.getValue().requests.get() > 0) {
                    write(entry.getKey(), entry.getValue());
                }
            }
        }
    }

    /** Adds what is pending for one client to its row, creating the row if new. Called holding {@code p}. */
    private void write(Key key, Pending p) throws SQLException {
        long requests = p.requests.getAndSet(0);
        Instant lastSeen = p.lastSeen;
        Optional<String> avClientInfo = p.avClientInfo;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO client_device t USING (VALUES "
                    + "(CAST(? AS VARCHAR), CAST(? AS VARCHAR))) v(address, user_agent) "
                    + "ON t.address = v.address AND t.user_agent = v.user_agent "
                    + "WHEN MATCHED THEN UPDATE SET last_seen = ?, requests = t.requests + ?, "
                    + "av_client_info = COALESCE(?, t.av_client_info) "
                    + "WHEN NOT MATCHED THEN INSERT (address, user_agent, av_client_info, first_seen, last_seen, "
                    + "requests) VALUES (v.address, v.user_agent, ?, ?, ?, ?)")) {
                Timestamp seen = Timestamp.from(lastSeen);
                s.setString(1, key.address());
                s.setString(2, key.userAgent());
                s.setTimestamp(3, seen);
                s.setLong(4, requests);
                setOptional(s, 5, avClientInfo);
                setOptional(s, 6, avClientInfo);
                s.setTimestamp(7, seen);
                s.setTimestamp(8, seen);
                s.setLong(9, requests);
                if (s.executeUpdate() > 0 && p.written == null) {
                    dropOldest(c);
                }
            }
        } catch (SQLException e) {
            p.requests.addAndGet(requests); // not lost: written with the next attempt
            throw e;
        }
        p.written = clock.instant();
        p.writtenAvClientInfo = avClientInfo;
    }

    private static void dropOldest(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM client_device WHERE id IN (SELECT id FROM "
                + "client_device ORDER BY last_seen DESC, id DESC OFFSET ? ROWS)")) {
            s.setInt(1, MAX_DEVICES);
            s.executeUpdate();
        }
    }

    private static void setOptional(PreparedStatement s, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            s.setString(index, value.get());
        } else {
            s.setNull(index, Types.VARCHAR);
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toInstant();
    }

    @Override
    public void close() throws SQLException {
        flushAll();
    }
}
