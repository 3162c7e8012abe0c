package org.diva.server.pool.membership;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.diva.server.pool.ServerId;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.IpAddress;
import org.jgroups.util.ExtendedUUID;
import org.jgroups.util.TLSClientAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool's JGroups channel: TCP with mutual TLS (the pool's SSLContext, client certificates required), discovery
 * by TCPPING from the members' stored addresses, and each member's ServerId carried in its address.
 *
 * <p>The stack follows JGroups' {@code conf/tcp.xml} without FD_SOCK2 (its own listener is plain TCP, outside
 * TLS: a stranger could read the cluster name from it). A crash is noticed instead by TCP's
 * {@code enable_suspect_events}: a connection closed without the graceful marker raises SUSPECT, which
 * VERIFY_SUSPECT2 confirms within 500 ms. A member that stops answering (host gone, cable pulled) is caught by
 * FD_ALL3's heartbeats (7 s, checked every second); MERGE3 (1-5 s) joins sub-groups after a partition heals. Flow
 * control and state transfer are left out: only small control messages travel here, bulk goes over HTTPS.
 */
final class PoolChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PoolChannel.class);
    /** The key of the ServerId in each member's {@link ExtendedUUID}. */
    static final String SERVER_ID_KEY = "sid";
    /** How long a lonely first member waits for a coordinator before becoming one itself. */
    static final long JOIN_TIMEOUT_MS = 800;

    /** What the channel reports, on JGroups' threads: the caller hands it to its own executor. */
    interface Listener {
        void viewChanged(View view);

        void received(Address from, byte[] payload, int offset, int length);
    }

    private final JChannel channel;
    private final TCPPING ping;
    private final PoolTcp tcp;
    private final int port;

    /**
     * @param bindAddress the interface the pool port listens on
     * @param port        the pool port (fixed: neighbours store it, routers forward it)
     * @param external    what neighbours dial when it differs (NAT)
     */
    PoolChannel(SSLContext tls, ServerId self, InetAddress bindAddress, int port, Optional<HostPort> external,
                Listener listener) throws Exception {
        this.port = port;
        tcp = new PoolTcp();
        tcp.setBindAddress(bindAddress);
        tcp.setBindPort(port);
        tcp.setPortRange(0);
        if (external.isPresent()) {
            tcp.setExternalAddr(InetAddress.getByName(external.get().host()));
            tcp.setExternalPort(external.get().port());
        }
        tcp.logAcceptError(false); // strangers' refused handshakes are expected, not worth a warning each
        tcp.tls().enabled(true).setSSLContext(tls).setClientAuth(TLSClientAuth.NEED);
        tcp.enableSuspectEvents(true);
        ping = new TCPPING();
        ping.setPortRange(0);
        channel = new JChannel(tcp, ping,
                new MERGE3().setMinInterval(1000).setMaxInterval(5000),
                new FD_ALL3().setTimeout(7000).setInterval(1000),
                new VERIFY_SUSPECT2().setTimeout(500),
                new NAKACK2().useMcastXmit(false),
                new UNICAST3(),
                new STABLE(),
                new GMS().setJoinTimeout(JOIN_TIMEOUT_MS),
                new FRAG4());
        channel.setName(self.shortForm());
        byte[] sid = self.bytes();
        channel.addAddressGenerator(() -> {
            ExtendedUUID address = ExtendedUUID.randomUUID(self.shortForm());
            address.put(SERVER_ID_KEY, sid);
            return address;
        });
        channel.setReceiver(new Receiver() {
            @Override
            public void receive(Message message) {
                listener.received(message.getSrc(), message.getArray(), message.getOffset(), message.getLength());
            }

            @Override
            public void viewAccepted(View view) {
                listener.viewChanged(view);
            }
        });
    }

    /** Sets where discovery looks for members: every member's pool address but this server's own. */
    void setInitialHosts(List<HostPort> hosts) {
        List<org.jgroups.PhysicalAddress> addresses = new ArrayList<>();
        for (HostPort h : hosts) {
            try {
                addresses.add(new IpAddress(h.host(), h.port()));
            } catch (Exception e) {
                LOG.info("pool address {} cannot be resolved now: {}", h, e.getMessage());
            }
        }
        if (addresses.isEmpty()) {
            // setInitialHosts ignores an empty list; this clears it (our own address is skipped by discovery)
            addresses.add(new IpAddress(tcp.getBindAddress(), port));
        }
        ping.setInitialHosts2(addresses);
    }

    /** Joins (or forms) the group named after the pool; returns once in a view. */
    void connect(String poolName) throws Exception {
        channel.connect(poolName);
    }

    void send(Address to, byte[] payload) throws Exception {
        channel.send(new BytesMessage(to, payload));
    }

    /** Every member's ServerId in the current view, with its address, coordinator first. */
    Map<ServerId, Address> members() {
        View view = channel.getView();
        return view == null ? Map.of() : membersOf(view);
    }

    static Map<ServerId, Address> membersOf(View view) {
        Map<ServerId, Address> out = new LinkedHashMap<>();
        for (Address a : view.getMembers()) {
            serverIdOf(a).ifPresent(id -> out.put(id, a));
        }
        return out;
    }

    /** The ServerId a member's address carries; empty for an address without one (not ours). */
    static Optional<ServerId> serverIdOf(Address address) {
        if (address instanceof ExtendedUUID extended) {
            byte[] sid = extended.get(SERVER_ID_KEY);
            if (sid != null && sid.length == ServerId.BYTES) {
                return Optional.of(ServerId.ofBytes(sid));
            }
        }
        return Optional.empty();
    }

    Address address() {
        return channel.getAddress();
    }

    /** The pool address this channel announces to the others (the external one behind NAT). */
    Optional<String> physicalAddress() {
        Object physical = channel.down(new org.jgroups.Event(org.jgroups.Event.GET_PHYSICAL_ADDRESS,
                channel.getAddress()));
        return Optional.ofNullable(physical).map(Object::toString);
    }

    /** Ends the connection to a removed member (see {@link PoolTcp}). */
    boolean closeConnectionTo(Address member) {
        return tcp.closeConnectionTo(member);
    }

    @Override
    public void close() {
        channel.close();
    }
}
