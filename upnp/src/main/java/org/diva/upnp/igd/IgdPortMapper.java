package org.diva.upnp.igd;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.diva.upnp.device.ControlPointRole;
import org.diva.upnp.igd.Reachability.Mode;
import org.diva.upnp.service.Scheduler;
import org.jupnp.UpnpService;
import org.jupnp.model.message.header.DeviceTypeHeader;
import org.jupnp.model.meta.Device;
import org.jupnp.model.meta.Service;
import org.jupnp.model.types.ServiceType;
import org.jupnp.registry.DefaultRegistryListener;
import org.jupnp.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the home router to forward the pool's ports to this machine (UPnP IGD, versions 1 and 2), a
 * {@link ControlPointRole} on DiVA's own UPnP stack, and reports where neighbours can reach this server.
 *
 * <p>The first Internet Gateway Device found is used: each port is added with a finite lease (an hour by default)
 * and re-added at half of it, so a mapping left behind by a crash disappears by itself. A router that answers
 * 725 OnlyPermanentLeasesSupported (common among IGD:1 routers) gets a permanent mapping for that port instead.
 * GetExternalIPAddress is asked after every round, because a router's address changes when its provider says so.
 * Mappings are deleted on {@link #stopping()} (before the stack shuts down) and when the router leaves the
 * network; another router already known is then tried. With port mapping off, no router is asked and the
 * household's hand-forwarded address is reported instead.
 *
 * <p>SOAP calls block: they run on the injected executor (never on jUPnP's registry threads) or the scheduler.
 *
 * <pre>{@code
 * IgdPortMapper igd = new IgdPortMapper(MappingPlan.forPool(settings.pool(), boundPoolPort, boundPeerPort),
 *         Scheduler.of(timer), worker, Clock.systemUTC(), LanAddress.discoveredOn(), pool::reachabilityChanged);
 * MediaServerDevice upnp = new MediaServerDevice(options, ..., clock, List.of(renderers, igd));
 * upnp.start(); // the mapper looks for the router; upnp.stop() deletes the mappings before the stack goes
 * }</pre>
 */
public final class IgdPortMapper implements ControlPointRole {
    private static final Logger log = LoggerFactory.getLogger(IgdPortMapper.class);

    private final MappingPlan plan;
    private final Scheduler scheduler;
    private final Executor actions;
    private final InstantSource clock;
    private final LanAddress lanAddress;
    private final ReachabilityListener listener;
    private final Listener registryListener = new Listener();
    private final Map<PortRequest, PortState> ports = new LinkedHashMap<>();
    private final Set<PortRequest> permanentOnly = new HashSet<>();
    private UpnpService upnp;
    private Gateway gateway;
    private Optional<String> external = Optional.empty();
    private Optional<String> problem = Optional.empty();
    private Future<?> renewal;
    private Reachability published; // null until the first status is sent

    /**
     * @param scheduler  runs the lease renewals
     * @param actions    runs the router requests that discovery starts (they block on the network)
     * @param lanAddress this machine's address towards a router ({@link LanAddress#discoveredOn()})
     * @param listener   told of every change, including the first status on {@link #started}
     */
    public IgdPortMapper(MappingPlan plan, Scheduler scheduler, Executor actions, InstantSource clock,
                         LanAddress lanAddress, ReachabilityListener listener) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lanAddress = Objects.requireNonNull(lanAddress, "lanAddress");
        this.listener = Objects.requireNonNull(listener, "listener");
        plan.ports().forEach(p -> ports.put(p, PortState.untried(p)));
    }

    @Override
    public List<ServiceType> remoteServiceTypes() {
        return plan.portMapping() ? IgdDevices.SERVICES : List.of();
    }

    /** Starts looking for the router; the scheduler given here is not used (the injected one is). */
    @Override
    public void started(UpnpService upnp, ScheduledExecutorService ignored) {
        synchronized (this) {
            if (this.upnp != null) {
                return;
            }
            this.upnp = upnp;
            if (!plan.portMapping()) {
                publish();
                return;
            }
            problem = Optional.of("no UPnP router (Internet Gateway Device) has answered yet; if the router has"
                    + " no UPnP, forward the ports by hand and set --external-host");
            publish();
            upnp.getRegistry().addListener(registryListener);
        }
        upnp.getRegistry().getDevices().forEach(this::consider);
        // Routers answer a search for IGD:1 whatever their version (UDA 1.1 section 1.3.2).
        upnp.getControlPoint().search(new DeviceTypeHeader(IgdDevices.GATEWAY), 3);
    }

    /** Deletes the mappings made; call before the UPnP stack shuts down. */
    @Override
    public synchronized void stopping() {
        if (upnp == null) {
            return;
        }
        upnp.getRegistry().removeListener(registryListener);
        upnp = null;
        if (gateway != null) {
            forget("DiVA stopped and removed its port mappings from " + gateway.name());
        }
    }

    /** The current status (also sent to the listener on every change). */
    public synchronized Reachability status() {
        if (!plan.portMapping()) {
            return Reachability.withoutMapping(plan);
        }
        return new Reachability(Mode.PORT_MAPPING, Optional.ofNullable(gateway).map(Gateway::name),
                plan.externalHost().or(() -> external), List.copyOf(ports.values()), problem);
    }

    private void consider(Device<?, ?, ?> device) {
        if (IgdDevices.isGateway(device)) {
            actions.execute(() -> adopt(device));
        }
    }

    private synchronized void adopt(Device<?, ?, ?> device) {
        if (upnp == null || gateway != null) {
            return;
        }
        String name = RouterText.clean(device.getDetails() == null ? null : device.getDetails().getFriendlyName());
        Optional<Service<?, ?>> service = IgdDevices.connectionService(device);
        if (service.isEmpty()) {
            problem = Optional.of("router " + name + " offers no WANIPConnection or WANPPPConnection service that"
                    + " can forward ports");
            publish();
            return;
        }
        Optional<String> client = lanAddress.towards(device).map(java.net.InetAddress::getHostAddress);
        if (client.isEmpty()) {
            problem = Optional.of("cannot tell this machine's address on the network of router " + name);
            publish();
            return;
        }
        gateway = new Gateway(device, service.get(), client.get(), upnp.getControlPoint());
        log.info("forwarding ports {} from router \"{}\" ({}) to {}", plan.ports().stream()
                .map(PortRequest::internalPort).toList(), name, service.get().getServiceType(), client.get());
        refresh();
    }

    /** Adds (or renews) every mapping, asks for the external address, and schedules the next round. */
    private synchronized void refresh() {
        if (upnp == null || gateway == null) {
            return;
        }
        List<String> errors = new ArrayList<>();
        for (PortRequest port : plan.ports()) {
            PortState now = map(port);
            ports.put(port, now);
            now.error().ifPresent(errors::add);
        }
        external = askExternalAddress(errors);
        problem = errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors));
        // Also after a failure: the next round retries what the router refused (it may have been busy).
        renewal = scheduler.schedule(this::refresh, plan.lease().dividedBy(2));
        publish();
    }

    private PortState map(PortRequest port) {
        long lease = permanentOnly.contains(port) ? 0 : plan.lease().toSeconds();
        Gateway.Answer answer = gateway.add(port, lease);
        if (!answer.ok() && answer.errorCode() == IgdErrors.ONLY_PERMANENT_LEASES && lease != 0) {
            log.info("router {} accepts only permanent mappings; port {} is forwarded until DiVA stops",
                    gateway.name(), port.externalPort());
            permanentOnly.add(port);
            lease = 0;
            answer = gateway.add(port, 0);
        }
        if (answer.ok()) {
            return PortState.mapped(port, lease, clock.instant());
        }
        log.warn("port {} ({}) is not forwarded: {}", port.externalPort(), port.purpose(), answer.error());
        return PortState.failed(port, "port " + port.externalPort() + " (" + port.purpose() + "): "
                + answer.error());
    }

    private Optional<String> askExternalAddress(List<String> errors) {
        Gateway.Answer answer = gateway.externalAddress();
        if (!answer.ok()) {
            errors.add(answer.error());
            return Optional.empty();
        }
        Optional<String> text = Gateway.output(answer, "NewExternalIPAddress");
        Optional<int[]> address = text.flatMap(RouterText::ipv4);
        if (address.isEmpty()) {
            errors.add(gateway.name() + " gave a malformed external address: '"
                    + RouterText.clean(text.orElse(null)) + "'");
            return Optional.empty();
        }
        Optional<String> unusable = RouterText.notPublic(address.get());
        unusable.ifPresent(why -> errors.add(why + " (" + text.get() + ")"));
        return unusable.isPresent() ? Optional.empty() : text;
    }

    /** Cancels renewal, deletes what was mapped (best effort) and forgets the router. */
    private void forget(String why) {
        if (renewal != null) {
            renewal.cancel(false);
            renewal = null;
        }
        for (PortState state : List.copyOf(ports.values())) {
            if (state.mapped()) {
                Gateway.Answer answer = gateway.delete(state.port());
                if (!answer.ok()) {
                    log.info("could not remove the mapping of port {}: {}", state.port().externalPort(),
                            answer.error());
                }
            }
            ports.put(state.port(), PortState.untried(state.port()));
        }
        log.info(why);
        gateway = null;
        external = Optional.empty();
        permanentOnly.clear();
        problem = Optional.of(why);
        publish();
    }

    private void gone(Device<?, ?, ?> device) {
        Registry registry;
        synchronized (this) {
            if (gateway == null || upnp == null || !gateway.root().getIdentity().getUdn()
                    .equals(device.getIdentity().getUdn())) {
                return;
            }
            forget("router " + gateway.name() + " left the network; its port mappings were removed");
            registry = upnp.getRegistry();
        }
        registry.getDevices().forEach(this::consider); // another router, if one is known
    }

    private void publish() {
        Reachability now = status();
        if (!now.equals(published)) {
            published = now;
            try {
                listener.reachabilityChanged(now);
            } catch (RuntimeException e) {
                log.warn("a reachability listener failed", e);
            }
        }
    }

    /** jUPnP's registry calls these on its own threads; the work moves to the injected executor. */
    private final class Listener extends DefaultRegistryListener {
        @Override
        public void deviceAdded(Registry registry, Device device) {
            consider(device);
        }

        @Override
        public void deviceRemoved(Registry registry, Device device) {
            if (IgdDevices.isGateway(device)) {
                actions.execute(() -> gone(device));
            }
        }

        @Override
        public void beforeShutdown(Registry registry) {
            stopping();
        }
    }
}
