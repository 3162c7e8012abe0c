package org.diva.upnp.igd;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How neighbours on the internet reach this server, for the pool (what to advertise) and the dashboard.
 *
 * @param mode            who forwards the ports: the router on DiVA's request, the household by hand, or nobody
 * @param router          the router's friendly name, once one was found
 * @param externalAddress the address neighbours dial: the router's external address, or the household's
 *                        external host; empty while unknown
 * @param ports           each port asked for, in the order asked
 * @param problem         the last thing that went wrong, in words a household can act on; empty when all is well
 */
public record Reachability(Mode mode, Optional<String> router, Optional<String> externalAddress,
                           List<PortState> ports, Optional<String> problem) {
    public enum Mode {
        /** DiVA asks the router (UPnP IGD) to forward the ports, with a lease it renews. */
        PORT_MAPPING,
        /** The household forwarded the ports by hand and named the external host. */
        MANUAL,
        /** Nobody forwards: only neighbours on the same network can connect. */
        OFF
    }

    public Reachability {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(externalAddress, "externalAddress");
        Objects.requireNonNull(problem, "problem");
        ports = List.copyOf(ports);
    }

    /** When DiVA asks no router: the household's hand-forwarded ports, or nothing forwarded at all. */
    static Reachability withoutMapping(MappingPlan plan) {
        if (plan.externalHost().isPresent()) {
            return new Reachability(Mode.MANUAL, Optional.empty(), plan.externalHost(), plan.ports().stream()
                    .map(p -> new PortState(p, true, 0, Optional.empty(), Optional.empty())).toList(),
                    Optional.empty());
        }
        String why = "port mapping is off and no external host is set, so only neighbours on this network can"
                + " connect; forward the ports by hand and set --external-host, or turn --port-mapping on";
        return new Reachability(Mode.OFF, Optional.empty(), Optional.empty(),
                plan.ports().stream().map(p -> PortState.failed(p, why)).toList(), Optional.of(why));
    }

    /** The port asked for with this internal port, if any. */
    public Optional<PortState> port(int internalPort) {
        return ports.stream().filter(p -> p.port().internalPort() == internalPort).findFirst();
    }

    /**
     * Where a neighbour on the internet dials to reach {@code internalPort}: the external address and the
     * forwarded port, once both are known; empty while the port is not forwarded or the address is unknown.
     */
    public Optional<InetSocketAddress> advertised(int internalPort) {
        return port(internalPort).filter(PortState::mapped).flatMap(p -> externalAddress
                .map(host -> InetSocketAddress.createUnresolved(host, p.port().externalPort())));
    }

    /** True when every port is forwarded and the external address is known. */
    public boolean reachable() {
        return externalAddress.isPresent() && !ports.isEmpty() && ports.stream().allMatch(PortState::mapped);
    }
}
