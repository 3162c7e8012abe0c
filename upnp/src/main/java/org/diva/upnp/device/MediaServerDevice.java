package org.diva.upnp.device;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.network.InterfaceFacts;
import org.diva.upnp.network.InterfaceSelector;
import org.diva.upnp.network.NetworkSelectionException;
import org.diva.upnp.network.SelectedNetwork;
import org.diva.upnp.service.Bookmarks;
import org.diva.upnp.service.ConnectionManagerService;
import org.diva.upnp.service.ContentDirectoryService;
import org.diva.upnp.service.ContentEvents;
import org.diva.upnp.service.MediaReceiverRegistrarService;
import org.diva.upnp.service.SamsungFeatureList;
import org.diva.upnp.service.Scheduler;
import org.diva.upnp.transport.UpnpHttpHandler;
import org.jupnp.model.meta.LocalDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DiVA as a UPnP AV MediaServer:1 (DLNA DMS-1.50) on the home network: ContentDirectory, ConnectionManager and
 * the Xbox registrar, announced by SSDP on the chosen interfaces and served through the shared HTTP server.
 *
 * <p>Lifecycle: the Jetty server carrying {@code http} starts first; {@link #start()} then picks the interfaces,
 * starts jUPnP and announces the device (ssdp:alive, repeated every alive interval); {@link #stop()} says
 * ssdp:byebye, closes the sockets and waits for every UPnP thread to end. It can be started again, with the same
 * UUID. {@link #contentChanged} tells subscribed TVs that the library changed.
 *
 * <pre>{@code
 * UpnpHttpHandler upnpHttp = new UpnpHttpHandler(UpnpHttpHandler.DEFAULT_BASE_PATH, HttpLimits.defaults());
 * HttpServer http = new HttpServer(port, new Handler.Sequence(upnpHttp, router)); // UPnP first: it declines
 * http.start();                                                                  // other paths, the router 404s
 * DeviceIdentity id = DeviceIdentity.loadOrCreate(dataDir);
 * MediaServerDevice upnp = new MediaServerDevice(MediaServerOptions.of(
 *         DeviceDescription.of(name, version, serial), id.uuid(), settings.network().interfaces()),
 *         contentDirectory, protocolInfos, samsungFeatures, bookmarks, upnpHttp, clock);
 * upnp.start();  // stop it before the HTTP server, so byebye goes out while descriptions are still served
 * }</pre>
 */
public final class MediaServerDevice implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaServerDevice.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final MediaServerOptions options;
    private final ContentDirectory contentDirectory;
    private final List<String> sourceProtocolInfo;
    private final SamsungFeatureList samsungFeatures;
    private final Bookmarks bookmarks;
    private final UpnpHttpHandler http;
    private final InstantSource clock;
    private final List<ControlPointRole> roles;
    private Running running;

    private record Running(DivaUpnpService upnp, DivaUpnpConfiguration configuration, ContentEvents events) {
    }

    /**
     * @param contentDirectory   answers Browse and Search (thread-safe: calls run concurrently)
     * @param sourceProtocolInfo what DiVA can stream, for ConnectionManager's GetProtocolInfo
     * @param samsungFeatures    the video, music and photo containers Samsung TVs open directly
     * @param bookmarks          where Samsung's X_SetBookmark resume positions go
     * @param http               the handler mounted on DiVA's HTTP server under its base path
     * @param clock              paces change events
     */
    public MediaServerDevice(MediaServerOptions options, ContentDirectory contentDirectory,
                             List<String> sourceProtocolInfo, SamsungFeatureList samsungFeatures,
                             Bookmarks bookmarks, UpnpHttpHandler http, InstantSource clock) {
        this(options, contentDirectory, sourceProtocolInfo, samsungFeatures, bookmarks, http, clock, List.of());
    }

    /**
     * @param roles control-point work (play-to) run on the same stack, started after the device is announced and
     *              stopped before it says byebye; with none, DiVA never fetches other devices' descriptions
     */
    public MediaServerDevice(MediaServerOptions options, ContentDirectory contentDirectory,
                             List<String> sourceProtocolInfo, SamsungFeatureList samsungFeatures,
                             Bookmarks bookmarks, UpnpHttpHandler http, InstantSource clock,
                             List<ControlPointRole> roles) {
        this.roles = List.copyOf(roles);
        this.options = Objects.requireNonNull(options, "options");
        this.contentDirectory = Objects.requireNonNull(contentDirectory, "contentDirectory");
        this.sourceProtocolInfo = List.copyOf(sourceProtocolInfo);
        this.samsungFeatures = Objects.requireNonNull(samsungFeatures, "samsungFeatures");
        this.bookmarks = Objects.requireNonNull(bookmarks, "bookmarks");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        new ConnectionManagerService(sourceProtocolInfo); // fails now, not at start, on a bad protocolInfo
    }

    /**
     * Announces the device. The HTTP server carrying the handler must already listen.
     *
     * @throws NetworkSelectionException no interface can carry discovery (the message says why and what to do)
     * @throws IOException               a socket or the device model could not be set up
     */
    public synchronized void start() throws NetworkSelectionException, IOException {
        if (running != null) {
            return;
        }
        http.port(); // fails clearly if the HTTP server has not started
        List<InterfaceFacts> chosen = InterfaceSelector.select(InterfaceFacts.ofThisMachine(), options.interfaces());
        DivaUpnpConfiguration configuration = new DivaUpnpConfiguration(http, SelectedNetwork.byName(chosen),
                new DivaUpnpConfiguration.Options(options.limits(), options.aliveInterval(), options.httpThreads(),
                        !roles.isEmpty(), roles.stream().flatMap(r -> r.remoteServiceTypes().stream()).distinct()
                                .toList()));
        DivaUpnpService upnp = new DivaUpnpService(configuration);
        try {
            ContentDirectoryService cds = new ContentDirectoryService(contentDirectory, samsungFeatures, bookmarks);
            LocalDevice device = MediaServerModel.build(options, cds,
                    new ConnectionManagerService(sourceProtocolInfo), new MediaReceiverRegistrarService());
            upnp.startup();
            upnp.getRegistry().addDevice(device);
            ContentEvents events = new ContentEvents(options.eventInterval(),
                    Scheduler.of(configuration.scheduler()), clock, cds::publish);
            running = new Running(upnp, configuration, events);
            for (ControlPointRole role : roles) {
                role.started(upnp, configuration.scheduler());
            }
            log.info("UPnP MediaServer \"{}\" (uuid:{}) announced on {}", options.description().friendlyName(),
                    options.uuid(), chosen.stream().map(InterfaceFacts::name).toList());
        } catch (Exception e) {
            shutDown(upnp, configuration);
            throw new IOException("the UPnP MediaServer cannot start on " + chosen.stream()
                    .map(InterfaceFacts::name).toList() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The library changed: subscribed TVs get the new SystemUpdateID and these containers' update ids, batched to
     * at most one event per event interval. Ignored while stopped.
     *
     * @param containerUpdateIds container id to its new update id; empty if only the system update id changed
     */
    public void contentChanged(Map<String, Long> containerUpdateIds) {
        Running now;
        synchronized (this) {
            now = running;
        }
        if (now != null) {
            now.events().changed(containerUpdateIds);
        }
    }

    public boolean isRunning() {
        return running != null;
    }

    /** Says byebye, closes the sockets and waits for UPnP's threads; does nothing when stopped. */
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        Running stopping = running;
        running = null;
        for (ControlPointRole role : roles) {
            try {
                role.stopping();
            } catch (RuntimeException e) {
                log.warn("a UPnP control-point role did not stop cleanly", e);
            }
        }
        stopping.events().close();
        shutDown(stopping.upnp(), stopping.configuration());
        log.info("UPnP MediaServer uuid:{} stopped", options.uuid());
    }

    @Override
    public void close() {
        stop();
    }

    private static void shutDown(DivaUpnpService upnp, DivaUpnpConfiguration configuration) {
        try {
            upnp.shutdown();
        } catch (RuntimeException e) {
            log.warn("UPnP did not shut down cleanly", e);
        } finally {
            configuration.shutdown();
            try {
                configuration.awaitTermination(STOP_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
