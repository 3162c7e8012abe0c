package org.diva.upnp.render;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.diva.upnp.device.ControlPointRole;
import org.diva.upnp.render.RendererException.Reason;
import org.jupnp.UpnpService;
import org.jupnp.model.message.header.ServiceTypeHeader;
import org.jupnp.model.meta.RemoteDevice;
import org.jupnp.model.meta.RemoteService;
import org.jupnp.model.types.ServiceType;
import org.jupnp.registry.DefaultRegistryListener;
import org.jupnp.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MediaRenderers on the home network, found and followed on DiVA's own UPnP stack (a {@link ControlPointRole}
 * of the MediaServer device) rather than on a second stack: one pair of SSDP sockets per interface, one registry,
 * and the renderers' GENA events arrive on the same HTTP path as everything else UPnP.
 *
 * <p>A renderer is any device with an AVTransport service (a MediaRenderer, or one embedded in a bigger device).
 * When one is described DiVA subscribes to its AVTransport and RenderingControl events, and keeps its record
 * after it leaves (marked offline) so its last state and error stay visible; at most {@link #MAX_RENDERERS} are
 * kept, offline ones dropped first, so a network flooded with fake devices cannot grow it without bound.
 * Commands are sent by {@link RendererControl}.
 */
public final class RendererRegistry implements ControlPointRole {
    static final int MAX_RENDERERS = 64;
    static final Duration SEARCH_INTERVAL = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(RendererRegistry.class);

    private final InstantSource clock;
    private final Consumer<Renderer> described;
    private final Map<String, TrackedRenderer> renderers = new ConcurrentHashMap<>();
    private final Listener listener = new Listener();
    private volatile Running running;

    private record Running(UpnpService upnp, ScheduledFuture<?> searches) {
    }

    /**
     * @param described told of every renderer when it is first described or comes back (e.g. to record its
     *                  description with the clients DiVA knows); called on a UPnP thread, must not block long
     */
    public RendererRegistry(InstantSource clock, Consumer<Renderer> described) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.described = Objects.requireNonNull(described, "described");
    }

    @Override
    public List<ServiceType> remoteServiceTypes() {
        return List.of(TrackedRenderer.AV_TRANSPORT, TrackedRenderer.RENDERING_CONTROL,
                TrackedRenderer.CONNECTION_MANAGER);
    }

    @Override
    public void started(UpnpService upnp, ScheduledExecutorService scheduler) {
        upnp.getRegistry().addListener(listener);
        for (RemoteDevice device : upnp.getRegistry().getRemoteDevices()) {
            listener.remoteDeviceAdded(upnp.getRegistry(), device);
        }
        ScheduledFuture<?> searches = scheduler.scheduleWithFixedDelay(() -> search(upnp), 0,
                SEARCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        running = new Running(upnp, searches);
    }

    @Override
    public void stopping() {
        Running stopping = running;
        running = null;
        if (stopping != null) {
            stopping.searches().cancel(false);
            stopping.upnp().getRegistry().removeListener(listener);
        }
        renderers.values().forEach(TrackedRenderer::gone);
    }

    /** Asks the network for renderers now (they also announce themselves); answers arrive within seconds. */
    public void search() {
        Running now = running;
        if (now != null) {
            search(now.upnp());
        }
    }

    private static void search(UpnpService upnp) {
        upnp.getControlPoint().search(new ServiceTypeHeader(TrackedRenderer.AV_TRANSPORT), 3);
    }

    /** Every renderer DiVA knows, online first, then by name. */
    public List<Renderer> list() {
        List<Renderer> all = new ArrayList<>(renderers.values().stream().map(TrackedRenderer::snapshot).toList());
        all.sort(Comparator.comparing((Renderer r) -> !r.online()).thenComparing(Renderer::friendlyName)
                .thenComparing(Renderer::id));
        return all;
    }

    public Optional<Renderer> find(String id) {
        return Optional.ofNullable(renderers.get(id)).map(TrackedRenderer::snapshot);
    }

    /** The record of an online renderer, for commands. */
    TrackedRenderer online(String id) throws RendererException {
        TrackedRenderer renderer = renderers.get(id);
        if (renderer == null) {
            throw new RendererException(Reason.UNKNOWN_RENDERER, "no renderer " + id + " has been seen");
        }
        if (!renderer.online()) {
            throw new RendererException(Reason.UNREACHABLE, renderer.name() + " has left the network; switch it on"
                    + " and wait for DiVA to find it again");
        }
        return renderer;
    }

    /** The running stack, for commands. */
    UpnpService upnp() throws RendererException {
        Running now = running;
        if (now == null) {
            throw new RendererException(Reason.UNREACHABLE, "DiVA's UPnP is not running");
        }
        return now.upnp();
    }

    InstantSource clock() {
        return clock;
    }

    private void discovered(RemoteDevice device) {
        String id = RendererIds.of(device.getIdentity().getUdn().getIdentifierString());
        TrackedRenderer known = renderers.get(id);
        if (known != null) {
            boolean back = !known.online() || known.device() != device;
            known.seen(device, clock.instant());
            if (back) {
                subscribe(known);
                described.accept(known.snapshot());
            }
            return;
        }
        if (renderers.size() >= MAX_RENDERERS && !dropOneOffline()) {
            log.warn("ignored renderer {}: DiVA already follows {}", device.getDetails().getFriendlyName(),
                    MAX_RENDERERS);
            return;
        }
        TrackedRenderer renderer = new TrackedRenderer(id, device, clock.instant());
        if (renderers.putIfAbsent(id, renderer) == null) {
            log.info("found renderer \"{}\" ({}) at {}", renderer.name(), id,
                    device.getIdentity().getDescriptorURL().getHost());
            subscribe(renderer);
            described.accept(renderer.snapshot());
        }
    }

    private boolean dropOneOffline() {
        return renderers.values().stream().filter(r -> !r.online())
                .min(Comparator.comparing(r -> r.snapshot().lastSeen()))
                .map(r -> renderers.remove(r.id(), r)).orElse(false);
    }

    private void subscribe(TrackedRenderer renderer) {
        Running now = running;
        UpnpService upnp = now != null ? now.upnp() : null;
        if (upnp == null) {
            return;
        }
        RemoteDevice device = renderer.device();
        for (ServiceType type : List.of(TrackedRenderer.AV_TRANSPORT, TrackedRenderer.RENDERING_CONTROL)) {
            RemoteService service = device.findService(type);
            if (service != null && service.getStateVariable("LastChange") != null) {
                upnp.getControlPoint().execute(new StateSubscription(service, renderer, clock));
            }
        }
    }

    /** jUPnP tells of devices on its registry-listener threads. */
    private final class Listener extends DefaultRegistryListener {
        @Override
        public void remoteDeviceAdded(Registry registry, RemoteDevice root) {
            for (RemoteDevice device : root.findDevices(TrackedRenderer.AV_TRANSPORT)) {
                discovered(device);
            }
        }

        @Override
        public void remoteDeviceUpdated(Registry registry, RemoteDevice root) {
            for (RemoteDevice device : root.findDevices(TrackedRenderer.AV_TRANSPORT)) {
                TrackedRenderer known = renderers.get(RendererIds.of(device.getIdentity().getUdn()
                        .getIdentifierString()));
                if (known != null) {
                    known.touched(clock.instant());
                }
            }
        }

        @Override
        public void remoteDeviceRemoved(Registry registry, RemoteDevice root) {
            for (RemoteDevice device : root.findDevices(TrackedRenderer.AV_TRANSPORT)) {
                TrackedRenderer known = renderers.get(RendererIds.of(device.getIdentity().getUdn()
                        .getIdentifierString()));
                if (known != null) {
                    log.info("renderer \"{}\" left", known.name());
                    known.gone();
                }
            }
        }
    }
}
