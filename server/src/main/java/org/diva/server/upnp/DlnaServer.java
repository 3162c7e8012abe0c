package org.diva.server.upnp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.diva.upnp.device.ControlPointRole;
import org.diva.upnp.device.DeviceDescription;
import org.diva.upnp.device.DeviceIdentity;
import org.diva.upnp.device.MediaServerDevice;
import org.diva.upnp.device.MediaServerOptions;
import org.diva.upnp.directory.DirectoryOptions;
import org.diva.upnp.directory.LibraryContentDirectory;
import org.diva.upnp.dlna.DlnaProfiles;
import org.diva.upnp.library.LibraryView;
import org.diva.upnp.library.NeighbourhoodView;
import org.diva.upnp.library.StreamOffers;
import org.diva.upnp.network.NetworkSelectionException;
import org.diva.upnp.render.Renderer;
import org.diva.upnp.render.RendererControl;
import org.diva.upnp.render.RendererRegistry;
import org.diva.upnp.service.InMemoryBookmarks;
import org.diva.upnp.service.SamsungFeatureList;
import org.diva.upnp.transport.UpnpHttpHandler;

/**
 * The household's library as a UPnP AV MediaServer: the ContentDirectory tree over the catalogue, announced on
 * the chosen interfaces with the device UUID kept in the data directory; and, on the same UPnP stack, the
 * control point that finds renderers and plays titles on them. Start it after the HTTP server that carries
 * {@code http}, and close it before, so byebye goes out while descriptions are still served.
 */
public final class DlnaServer implements AutoCloseable {
    /** The containers every change may touch; the tree has one update id, the library's. */
    private static final List<String> TOP_CONTAINERS = List.of("0", "video", "music", "photos", "folders");

    private final MediaServerDevice device;
    private final LibraryView library;
    private final RendererRegistry renderers;
    private final RendererControl control;

    /** @param rendererFound told of each renderer DiVA finds (on a UPnP thread) */
    public DlnaServer(String name, String version, Path dataDir, List<String> interfaces, LibraryView library,
                      UpnpHttpHandler http, Clock clock, Consumer<Renderer> rendererFound, StreamOffers offers)
            throws IOException {
        this(name, version, dataDir, interfaces, library, http, clock, rendererFound, offers, NeighbourhoodView.NONE,
                List.of());
    }

    /**
     * @param neighbourhood the neighbours' shared folders, a "Neighbourhood" container under the root in a pool
     * @param roles         more control-point work on the same UPnP stack (the router's port mapping)
     */
    public DlnaServer(String name, String version, Path dataDir, List<String> interfaces, LibraryView library,
                      UpnpHttpHandler http, Clock clock, Consumer<Renderer> rendererFound, StreamOffers offers,
                      NeighbourhoodView neighbourhood, List<ControlPointRole> roles) throws IOException {
        this.library = library;
        renderers = new RendererRegistry(clock, rendererFound);
        control = new RendererControl(renderers, http::port);
        DeviceIdentity identity = DeviceIdentity.loadOrCreate(dataDir);
        String serial = identity.uuid().toString().substring(0, 8);
        device = new MediaServerDevice(
                MediaServerOptions.of(DeviceDescription.of(name, version, serial), identity.uuid(), interfaces),
                new LibraryContentDirectory(library, DirectoryOptions.defaults(), offers, neighbourhood),
                DlnaProfiles.sourceProtocolInfos(),
                new SamsungFeatureList("video", "music", "photos"),
                new InMemoryBookmarks(), http, clock, Stream.concat(Stream.of(renderers), roles.stream()).toList());
    }

    /** The renderers found so far. */
    public RendererRegistry renderers() {
        return renderers;
    }

    /** Commands to them. */
    public RendererControl control() {
        return control;
    }

    /** Announces the device; fails with a message for the household if no interface can carry UPnP. */
    public void start() throws NetworkSelectionException, IOException {
        device.start();
    }

    /**
     * Tells subscribed TVs that the library changed (paced by the device): SystemUpdateID, and the top containers
     * in ContainerUpdateIDs, which is what TVs that cache a listing look at.
     */
    public void libraryChanged() {
        if (device.isRunning()) {
            long updateId = library.updateId();
            Map<String, Long> containers = new LinkedHashMap<>();
            TOP_CONTAINERS.forEach(id -> containers.put(id, updateId));
            device.contentChanged(containers);
        }
    }

    @Override
    public void close() {
        device.close();
    }
}
