package org.diva.server.pool.membership;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.diva.server.pool.ServerId;
import org.jgroups.Address;
import org.jgroups.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what the pool channel reports: views (who is up; this server's info to everyone; the coordinator's
 * roster so a member that was away catches up) and members' messages. Work leaves JGroups' threads for the
 * scheduler at once and runs under the membership's lock, in arrival order. A message from an address that
 * carries no member's ServerId, or that is not JSON of a known type, or whose fields are wrong, is logged and
 * dropped.
 */
final class PoolEvents {
    private static final Logger LOG = LoggerFactory.getLogger(PoolEvents.class);

    private final Membership m;

    PoolEvents(Membership membership) {
        this.m = membership;
    }

    /** A listener for one channel; {@code current} turns false once that channel is replaced or closed. */
    PoolChannel.Listener listener(BooleanSupplier current) {
        return new PoolChannel.Listener() {
            @Override
            public void viewChanged(View view) {
                run(current, () -> onView(view));
            }

            @Override
            public void received(Address from, byte[] payload, int offset, int length) {
                byte[] copy = java.util.Arrays.copyOfRange(payload, offset, offset + length);
                run(current, () -> onMessage(from, copy));
            }
        };
    }

    private interface Work {
        void run() throws Exception;
    }

    private void run(BooleanSupplier current, Work work) {
        try {
            m.scheduler.execute(() -> {
                synchronized (m) {
                    if (!current.getAsBoolean()) {
                        return;
                    }
                    try {
                        work.run();
                    } catch (Exception e) {
                        LOG.warn("a pool event could not be applied: {}", e.toString());
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private void onView(View view) throws SQLException {
        Map<ServerId, Address> members = PoolChannel.membersOf(view);
        m.view.setInView(members.keySet());
        LOG.info("pool view {}: {}", view.getViewId(), members.keySet().stream().map(ServerId::shortForm).toList());
        List<String> removed = m.registry.removed().stream().map(ServerId::toString).toList();
        m.broadcast(new PoolMessage.MemberInfo(m.name, Optional.of(m.advertised.pool().toString()),
                Optional.of(m.advertised.peer().toString())));
        PoolChannel channel = m.channel;
        if (channel != null && view.size() > 1 && view.getCoord().equals(channel.address())) {
            m.broadcast(new PoolMessage.Roster(m.registry.members().stream().map(MemberJson::of).toList(), removed));
        }
    }

    private void onMessage(Address from, byte[] payload) throws SQLException {
        PoolChannel channel = m.channel;
        if (channel == null || from == null || from.equals(channel.address())) {
            return; // our own multicast: applied when sent
        }
        Optional<ServerId> sender = PoolChannel.serverIdOf(from);
        if (sender.isEmpty() || !m.trust.isMember(sender.get())) {
            LOG.warn("dropped a pool message from {}: not a member", sender.map(ServerId::shortForm).orElse("" + from));
            return;
        }
        PoolMessage message;
        try {
            message = m.messages.decode(payload, 0, payload.length);
        } catch (IllegalArgumentException e) {
            LOG.warn("dropped a pool message from {}: {}", sender.get().shortForm(), e.getMessage());
            return;
        }
        try {
            apply(sender.get(), from, message);
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warn("dropped a {} from {}: {}", message.getClass().getSimpleName(), sender.get().shortForm(),
                    e.getMessage());
        }
    }

    private void apply(ServerId sender, Address from, PoolMessage message) throws SQLException {
        if (message instanceof PoolMessage.Ack ack) {
            m.acks.acked(ack.ack(), sender);
        } else if (message instanceof PoolMessage.MemberAdded added) {
            Member joiner = added.member().toMember(m.clock.instant());
            m.registry.put(joiner, true);
            m.refresh();
            LOG.info("{} added {} ({}) to the pool", sender.shortForm(), joiner.name(), joiner.id().shortForm());
            m.send(from, new PoolMessage.Ack(added.ack()));
        } else if (message instanceof PoolMessage.MemberRemoved removed) {
            ServerId who = ServerId.parse(removed.id());
            if (who.equals(m.self)) {
                String by = m.view.members().stream().filter(s -> s.id().equals(sender)).findFirst()
                        .map(MemberView.Status::name).orElse(sender.shortForm());
                removedFromPool(by);
            } else {
                m.applyRemoval(who);
                m.send(from, new PoolMessage.Ack(removed.ack()));
            }
        } else if (message instanceof PoolMessage.MemberInfo info) {
            Optional<Member> known = m.registry.members().stream().filter(x -> x.id().equals(sender)).findFirst();
            if (known.isPresent()) {
                m.registry.put(known.get().withAddresses(info.name(), info.poolAddress().map(HostPort::parse),
                        info.peerAddress().map(Member::parsePeerAddress)), false);
                m.refresh();
            }
        } else if (message instanceof PoolMessage.Roster roster) {
            applyRoster(sender, roster);
        }
    }

    private void applyRoster(ServerId sender, PoolMessage.Roster roster) throws SQLException {
        List<ServerId> removed = new ArrayList<>();
        for (String id : roster.removed() == null ? List.<String>of() : roster.removed()) {
            removed.add(ServerId.parse(id));
        }
        for (MemberJson json : roster.members() == null ? List.<MemberJson>of() : roster.members()) {
            Member member = json.toMember(m.clock.instant());
            if (!removed.contains(member.id()) && !m.trust.isMember(member.id())) {
                m.registry.put(member, false); // a tombstone here wins over the roster
            }
        }
        for (ServerId id : removed) {
            if (id.equals(m.self)) {
                removedFromPool(sender.shortForm());
                return;
            }
            if (m.trust.isMember(id)) {
                m.applyRemoval(id);
            }
        }
        m.refresh();
    }

    private void removedFromPool(String by) throws SQLException {
        String pool = m.poolName.orElse("?");
        LOG.warn("this server was removed from pool '{}' by {}", pool, by);
        m.forget(Optional.of("removed from the pool '" + pool + "' by " + by));
    }
}
