package org.diva.upnp.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.function.UnaryOperator;
import org.diva.upnp.device.ControlPointRole;
import org.diva.upnp.device.DeviceDescription;
import org.diva.upnp.device.DeviceIdentity;
import org.diva.upnp.device.MediaServerDevice;
import org.diva.upnp.device.MediaServerOptions;
import org.diva.upnp.service.InMemoryBookmarks;
import org.diva.upnp.service.SamsungFeatureList;
import org.diva.upnp.transport.HttpLimits;
import org.diva.upnp.transport.UpnpHttpHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DiVA's MediaServer as the server module will run it, on the lab's interface: a Jetty server (here bound to the
 * lab address only) with the UPnP handler in front, then the device, named explicitly to the lab's veth.
 */
public final class LabDevice implements AutoCloseable {
    public static final List<String> PROTOCOLS = List.of("http-get:*:video/mp4:*",
            "http-get:*:audio/mpeg:DLNA.ORG_PN=MP3", "http-get:*:image/jpeg:DLNA.ORG_PN=JPEG_LRG");
    public static final SamsungFeatureList FEATURES = new SamsungFeatureList("videos", "music", "photos");

    private final Server jetty;
    private final ServerConnector connector;
    private final MediaServerDevice device;
    private final MediaServerOptions options;
    private final InMemoryBookmarks bookmarks = new InMemoryBookmarks();

    private LabDevice(NetnsLab lab, Path dataDir, LabDirectory directory, UnaryOperator<MediaServerOptions> tweak,
                      List<ControlPointRole> roles) throws Exception {
        UpnpHttpHandler upnp = new UpnpHttpHandler(UpnpHttpHandler.DEFAULT_BASE_PATH, HttpLimits.defaults());
        jetty = new Server();
        connector = new ServerConnector(jetty);
        connector.setHost(lab.deviceAddress().getHostAddress());
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Sequence(upnp, new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response
                    response, org.eclipse.jetty.util.Callback callback) {
                return false;
            }
        }));
        jetty.start();
        DeviceIdentity identity = DeviceIdentity.loadOrCreate(dataDir);
        options = tweak.apply(MediaServerOptions.of(DeviceDescription.of("DiVA in the lab", "0.1-test",
                "SN-" + identity.uuid().toString().substring(0, 8)), identity.uuid(),
                List.of(lab.deviceInterface())));
        device = new MediaServerDevice(options, directory, PROTOCOLS, FEATURES, bookmarks, upnp,
                InstantSource.system(), roles);
        device.start();
    }

    /** Starts a device keeping its identity in {@code dataDir}, with options as {@code tweak} changes them. */
    public static LabDevice start(NetnsLab lab, Path dataDir, LabDirectory directory,
                                  UnaryOperator<MediaServerOptions> tweak) throws Exception {
        return new LabDevice(lab, dataDir, directory, tweak, List.of());
    }

    /** Starts a device that also plays these control-point roles on its stack. */
    public static LabDevice start(NetnsLab lab, Path dataDir, LabDirectory directory,
                                  List<ControlPointRole> roles) throws Exception {
        return new LabDevice(lab, dataDir, directory, UnaryOperator.identity(), roles);
    }

    public static LabDevice start(NetnsLab lab, Path dataDir, LabDirectory directory) throws Exception {
        return start(lab, dataDir, directory, UnaryOperator.identity());
    }

    public String uuid() {
        return options.uuid().toString();
    }

    public MediaServerDevice device() {
        return device;
    }

    public MediaServerOptions options() {
        return options;
    }

    public InMemoryBookmarks bookmarks() {
        return bookmarks;
    }

    public InetSocketAddress http() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    /** Where jUPnP serves a service's SOAP control, e.g. {@code ContentDirectory}. */
    public String controlPath(String service) {
        return "/upnp/dev/" + uuid() + "/svc/upnp-org/" + service + "/action";
    }

    @Override
    public void close() throws IOException {
        try {
            device.close();
        } finally {
            try {
                jetty.stop();
            } catch (Exception e) {
                throw new IOException("cannot stop the lab device's Jetty", e);
            }
        }
    }
}
