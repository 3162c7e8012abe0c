package org.diva.server.pool.membership;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.diva.server.pool.Neighbours;
import org.diva.server.pool.ServerId;

/**
 * The members as they are now: who is in the group view, how each answered its last ping (round-trip time,
 * smoothed) and how fast bytes came from it (fed by the swarm reader, smoothed). It is the {@link Neighbours}
 * the rest of the server uses.
 *
 * <p>States: UP in the view and answering; SUSPECTED in the view but its last ping failed; DOWN not in the view;
 * REFUSED its TLS handshake refused us (it no longer counts us as a member).
 */
public final class MemberView implements Neighbours {
    public enum State { UP, SUSPECTED, DOWN, REFUSED }

    /** One member's line in the view. */
    public record Status(ServerId id, String name, Optional<URI> peerAddress, Optional<HostPort> poolAddress,
                         State state, Optional<Duration> roundTrip, OptionalDouble bytesPerSecond, boolean self) {
    }

    /** Weight of a new sample in the smoothed figures: about the last five count. */
    private static final double SMOOTHING = 0.3;

    private static final class Live {
        Member member;
        boolean inView;
        boolean pingFailed;
        boolean refused;
        double roundTripNanos = Double.NaN;
        double bytesPerSecond = Double.NaN;

        Live(Member member) {
            this.member = member;
        }
    }

    private final ServerId self;
    private final HttpClient client;
    private final Map<ServerId, Live> live = new ConcurrentHashMap<>();

    public MemberView(ServerId self, HttpClient client) {
        this.self = self;
        this.client = client;
    }

    /** The registry's members now; measurements of those that stay are kept. */
    synchronized void setMembers(List<Member> members) {
        Set<ServerId> ids = new java.util.HashSet<>();
        for (Member m : members) {
            ids.add(m.id());
            live.computeIfAbsent(m.id(), id -> new Live(m)).member = m;
        }
        live.keySet().retainAll(ids);
    }

    synchronized void setInView(Set<ServerId> view) {
        live.forEach((id, l) -> {
            boolean was = l.inView;
            l.inView = view.contains(id);
            if (!was && l.inView) {
                l.pingFailed = false;
                l.refused = false; // it let us in again: a later ping says otherwise if it refuses
            }
        });
    }

    synchronized void pinged(ServerId id, long nanos) {
        Live l = live.get(id);
        if (l != null) {
            l.pingFailed = false;
            l.refused = false;
            l.roundTripNanos = smooth(l.roundTripNanos, nanos);
        }
    }

    synchronized void pingFailed(ServerId id, boolean refused) {
        Live l = live.get(id);
        if (l != null) {
            l.pingFailed = true;
            l.refused = refused;
        }
    }

    /**
     * Counts bytes received from a member in {@code nanos}; the swarm reader calls it for every chunk so the view
     * shows (and the scheduler may read) a smoothed rate.
     */
    public synchronized void recordTransfer(ServerId id, long bytes, long nanos) {
        if (bytes < 0 || nanos <= 0) {
            throw new IllegalArgumentException("a transfer has bytes >= 0 and a positive time, not " + bytes
                    + " bytes in " + nanos + " ns");
        }
        Live l = live.get(id);
        if (l != null) {
            l.bytesPerSecond = smooth(l.bytesPerSecond, bytes * 1e9 / nanos);
        }
    }

    private static double smooth(double old, double sample) {
        return Double.isNaN(old) ? sample : old + SMOOTHING * (sample - old);
    }

    /** Every member, this server first, then by name. */
    public synchronized List<Status> members() {
        List<Status> out = new ArrayList<>();
        for (Live l : live.values()) {
            boolean isSelf = l.member.id().equals(self);
            State state = isSelf ? State.UP
                    : l.refused ? State.REFUSED
                    : !l.inView ? State.DOWN
                    : l.pingFailed ? State.SUSPECTED : State.UP;
            out.add(new Status(l.member.id(), l.member.name(), l.member.peerAddress(), l.member.poolAddress(), state,
                    Double.isNaN(l.roundTripNanos) ? Optional.empty()
                            : Optional.of(Duration.ofNanos((long) l.roundTripNanos)),
                    Double.isNaN(l.bytesPerSecond) ? OptionalDouble.empty() : OptionalDouble.of(l.bytesPerSecond),
                    isSelf));
        }
        out.sort(Comparator.comparing((Status s) -> !s.self()).thenComparing(Status::name)
                .thenComparing(s -> s.id().toString()));
        return out;
    }

    /** The members other than this server in the view (up or suspected) whose peer address is known. */
    @Override
    public List<Neighbour> online() {
        return members().stream()
                .filter(s -> !s.self() && (s.state() == State.UP || s.state() == State.SUSPECTED))
                .filter(s -> s.peerAddress().isPresent())
                .map(s -> new Neighbour(s.id(), s.name(), s.peerAddress().get()))
                .toList();
    }

    /** Every other member whose peer address is known, up or not. */
    List<Neighbour> known() {
        return members().stream().filter(s -> !s.self() && s.peerAddress().isPresent())
                .map(s -> new Neighbour(s.id(), s.name(), s.peerAddress().get())).toList();
    }

    @Override
    public HttpClient client() {
        return client;
    }

    @Override
    public ServerId self() {
        return self;
    }
}
