package org.diva.server.pool.membership;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.diva.server.pool.PoolTls;
import org.diva.server.pool.PoolTrust;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.ServerIdentity;
import org.diva.web.peer.PeerHttpsServer;
import org.jgroups.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The membership state machine: in no pool or in one; creating, inviting, admitting joiners, joining, leaving and
 * removing; and applying what other members say ({@link PoolEvents}). The registry is the truth; the trust, the
 * view and the channel's discovery list are refreshed from it after every change. One lock orders everything;
 * waiting for other members' acks happens outside it.
 */
final class Membership implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Membership.class);
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(2);
    /** A removed member's open pool connection is closed this long after it was told, so the message gets there. */
    static final Duration CLOSE_DELAY = Duration.ofMillis(300);

    final String name;
    final ServerIdentity identity;
    final ServerId self;
    final PoolTrust trust;
    final PoolTls tls;
    final PoolRegistry registry;
    final MemberView view;
    final PeerHttpsServer peerServer;
    final Clock clock;
    final ScheduledExecutorService scheduler;
    final PoolMessages messages = new PoolMessages();
    final Acks acks = new Acks();
    final SecureRandom random = new SecureRandom();
    private final Invites invites = new Invites(this);
    private final AddressChange addressChange = new AddressChange(this);
    private final PoolEvents events;

    private InetAddress bindAddress;
    private int poolPort;
    /** Where neighbours dial this server; replaced whole, so readers outside the lock see one consistent set. */
    volatile Advertised advertised;
    volatile PoolChannel channel;
    private volatile int generation;
    Optional<String> poolName = Optional.empty();

    Membership(String name, ServerIdentity identity, PoolTrust trust, PoolTls tls, PoolRegistry registry,
               MemberView view, PeerHttpsServer peerServer, Clock clock, ScheduledExecutorService scheduler) {
        this.name = name;
        this.identity = identity;
        this.self = identity.id();
        this.trust = trust;
        this.tls = tls;
        this.registry = registry;
        this.view = view;
        this.peerServer = peerServer;
        this.clock = clock;
        this.scheduler = scheduler;
        this.events = new PoolEvents(this);
    }

    synchronized void start(InetAddress bind, int port, Advertised addresses) throws Exception {
        bindAddress = bind;
        poolPort = port;
        advertised = addresses;
        trust.setOpenInvites(this::isOpenInvite);
        Optional<PoolRegistry.PoolInfo> remembered = registry.pool();
        if (remembered.isPresent()) {
            registry.put(selfMember(), false); // our addresses may have changed since the last start
            poolName = Optional.of(remembered.get().name());
            refresh();
            openChannel();
        } else {
            refresh();
        }
    }

    /** Advertises new addresses (see {@link AddressChange}); false if they are the current ones. */
    boolean advertise(Advertised next) throws Exception {
        return addressChange.apply(next);
    }

    private boolean isOpenInvite(String id) {
        try {
            return registry.isOpenInvite(InviteCode.checkInviteId(id), clock.instant());
        } catch (IllegalArgumentException | SQLException e) {
            return false;
        }
    }

    Member selfMember() {
        return new Member(self, name, Pool.der(identity.certificate()), Optional.of(advertised.pool()),
                Optional.of(advertised.peer()), clock.instant());
    }

    synchronized PoolStatus status() throws SQLException {
        List<MemberView.Status> members = view.members();
        Optional<String> notice = registry.notice();
        boolean othersRefuse = members.size() > 1
                && members.stream().allMatch(s -> s.self() || s.state() == MemberView.State.REFUSED);
        if (notice.isEmpty() && poolName.isPresent() && othersRefuse) {
            notice = Optional.of("the other members refuse this server: it was probably removed from the pool "
                    + "while it was away; leave the pool and ask for a new invite");
        }
        return new PoolStatus(poolName, self, notice, members);
    }

    synchronized PeerWire.Info info() {
        Advertised now = advertised;
        return new PeerWire.Info(self.toString(), name, poolName.orElse(""), Optional.of(now.pool().toString()),
                Optional.of(now.peer().toString()));
    }

    synchronized void create(String pool) throws Exception {
        requireNoPool();
        registry.enter(pool, clock.instant(), List.of(selfMember()));
        poolName = Optional.of(Member.cleanName(pool));
        refresh();
        openChannel();
    }

    InviteCode invite(Duration validity) throws SQLException {
        return invites.invite(validity);
    }

    PeerWire.JoinAnswer admit(X509Certificate caller, PeerWire.JoinRequest request) throws Exception {
        return invites.admit(caller, request);
    }

    void join(InviteCode code) throws Exception {
        invites.join(code);
    }

    void leave() throws Exception {
        long ack = random.nextLong();
        synchronized (this) {
            requirePool();
            acks.expect(ack, othersInView(Set.of()));
            broadcast(new PoolMessage.MemberRemoved(self.toString(), "left", ack));
        }
        acks.await(ack, ACK_TIMEOUT);
        synchronized (this) {
            forget(Optional.empty());
        }
    }

    void remove(ServerId member) throws Exception {
        long ack = random.nextLong();
        synchronized (this) {
            requirePool();
            if (member.equals(self)) {
                throw new IllegalArgumentException("this server cannot remove itself: leave the pool instead");
            }
            if (registry.members().stream().noneMatch(m -> m.id().equals(member))) {
                throw new NoSuchElementException("no member " + member + " in this pool");
            }
            acks.expect(ack, othersInView(Set.of(member)));
            broadcast(new PoolMessage.MemberRemoved(member.toString(), "removed by " + name, ack));
            applyRemoval(member);
        }
        acks.await(ack, ACK_TIMEOUT);
    }

    /** Drops a removed member everywhere: trust, TLS sessions, open connections, discovery. */
    void applyRemoval(ServerId member) throws SQLException {
        boolean was = registry.markRemoved(member);
        trust.removeMember(member);
        tls.forgetSessions();
        int closed = peerServer.closeConnectionsOf(c -> ServerId.of(c).equals(member));
        PoolChannel current = channel;
        Address address = current == null ? null : current.members().get(member);
        if (address != null) {
            // unless invited back meanwhile: its new connection comes from the same pool address
            scheduler.schedule(() -> {
                if (!trust.isMember(member)) {
                    current.closeConnectionTo(address);
                }
            }, CLOSE_DELAY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        if (was) {
            LOG.info("member {} removed; {} peer connections closed", member.shortForm(), closed);
        }
        refresh();
    }

    /** Leaves the pool locally: channel closed, registry forgotten (with a notice when not by choice). */
    void forget(Optional<String> notice) throws SQLException {
        registry.forget(notice, clock.instant());
        poolName = Optional.empty();
        closeChannel(); // after the registry: a slow goodbye to the group must not delay what the household sees
        refresh();
        tls.forgetSessions();
    }

    /** Makes the trust, the view and discovery agree with the registry. */
    void refresh() throws SQLException {
        List<Member> members = poolName.isPresent() ? registry.members() : List.of(selfMember());
        trust.setMembers(members.stream().map(Member::id).toList());
        view.setMembers(members);
        PoolChannel current = channel;
        if (current != null) {
            current.setInitialHosts(members.stream().filter(m -> !m.id().equals(self))
                    .flatMap(m -> m.poolAddress().stream()).toList());
            view.setInView(current.members().keySet());
        }
    }

    Set<ServerId> othersInView(Set<ServerId> except) {
        PoolChannel current = channel;
        Set<ServerId> out = new HashSet<>(current == null ? Set.of() : current.members().keySet());
        out.remove(self);
        out.removeAll(except);
        return out;
    }

    void broadcast(PoolMessage message) {
        send(null, message);
    }

    void send(Address to, PoolMessage message) {
        PoolChannel current = channel;
        if (current == null) {
            return;
        }
        try {
            current.send(to, messages.encode(message));
        } catch (Exception e) {
            LOG.warn("could not send {} to the pool: {}", message.getClass().getSimpleName(), e.toString());
        }
    }

    void openChannel() throws Exception {
        int mine = ++generation;
        PoolChannel opened = new PoolChannel(tls.context(), self, bindAddress, poolPort, advertised.external(),
                events.listener(() -> generation == mine));
        channel = opened;
        refresh();
        try {
            long start = System.nanoTime();
            opened.connect(poolName.orElseThrow());
            LOG.info("in pool '{}' with {} members online ({} ms)", poolName.get(), opened.members().size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            closeChannel();
            throw new java.io.IOException("cannot take part in pool '" + poolName.get() + "' on pool port " + poolPort
                    + " (" + e.getMessage() + "): if the port is taken, choose another with --pool-port", e);
        }
        refresh();
    }

    private void closeChannel() {
        dropChannel();
        view.setInView(Set.of());
    }

    /** Closes the channel but leaves the view as it is, for a channel opened again at once. */
    synchronized void dropChannel() {
        PoolChannel current = channel;
        channel = null;
        generation++;
        if (current != null) {
            current.close();
        }
    }

    String requirePool() {
        return poolName.orElseThrow(() -> new IllegalStateException(
                "this server is in no pool: create one or join one with an invite code"));
    }

    void requireNoPool() {
        if (poolName.isPresent()) {
            throw new IllegalStateException("this server is in pool '" + poolName.get() + "' already: leave it "
                    + "first");
        }
    }

    @Override
    public synchronized void close() {
        closeChannel();
    }
}
