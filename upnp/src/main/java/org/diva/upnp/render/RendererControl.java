package org.diva.upnp.render;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.diva.upnp.directory.ItemMetadata;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.render.RendererException.Reason;
import org.jupnp.model.meta.RemoteService;
import org.jupnp.model.types.ServiceType;

/**
 * Play-to commands: AVTransport (SetAVTransportURI, Play, Pause, Stop, Seek, GetPositionInfo) and RenderingControl
 * (SetVolume, GetVolume) on instance 0, sent on the calling thread and bounded by the UPnP client's timeout. Each
 * returns the renderer's record after the command; the state in it moves on as the renderer's events arrive.
 *
 * <p>The media URL handed to a renderer uses DiVA's address on the interface the renderer was found on, so it is
 * one the renderer can reach even when DiVA's machine has several networks.
 */
public final class RendererControl {
    private final RendererRegistry registry;
    private final IntSupplier httpPort;

    /** @param httpPort the port of the HTTP server that serves {@code /media} (the one carrying UPnP) */
    public RendererControl(RendererRegistry registry, IntSupplier httpPort) {
        this.registry = registry;
        this.httpPort = httpPort;
    }

    /** Loads the item on the renderer with its DIDL-Lite metadata and starts it. */
    public Renderer play(String id, MediaItem item) throws RendererException {
        TrackedRenderer renderer = registry.online(id);
        InetAddress local = renderer.device().getIdentity().getDiscoveredOnLocalAddress();
        if (local == null) {
            throw new RendererException(Reason.UNREACHABLE, "DiVA does not know which of its addresses "
                    + renderer.name() + " can reach; wait for its next announcement");
        }
        String baseUrl = "http://" + local.getHostAddress() + ":" + httpPort.getAsInt();
        if (renderer.state().hasMedia()) {
            try {
                transport(renderer, "Stop", Map.of()); // many TVs refuse a new URI while one plays
            } catch (RendererException e) {
                // it may have stopped meanwhile; SetAVTransportURI will tell
            }
        }
        Map<String, String> set = new LinkedHashMap<>();
        set.put("CurrentURI", ItemMetadata.mediaUrl(item, baseUrl));
        set.put("CurrentURIMetaData", ItemMetadata.didl(item, baseUrl));
        transport(renderer, "SetAVTransportURI", set);
        transport(renderer, "Play", Map.of("Speed", "1"));
        return renderer.snapshot();
    }

    public Renderer pause(String id) throws RendererException {
        TrackedRenderer renderer = registry.online(id);
        transport(renderer, "Pause", Map.of());
        return renderer.snapshot();
    }

    /** Plays on after a pause (Play at normal speed), without loading anything. */
    public Renderer resume(String id) throws RendererException {
        TrackedRenderer renderer = registry.online(id);
        transport(renderer, "Play", Map.of("Speed", "1"));
        return renderer.snapshot();
    }

    public Renderer stop(String id) throws RendererException {
        TrackedRenderer renderer = registry.online(id);
        transport(renderer, "Stop", Map.of());
        return renderer.snapshot();
    }

    /** Jumps to a position from the start of the track (REL_TIME). */
    public Renderer seek(String id, Duration position) throws RendererException {
        TrackedRenderer renderer = registry.online(id);
        transport(renderer, "Seek", Map.of("Unit", "REL_TIME", "Target", RelTime.format(position)));
        return renderer.snapshot();
    }

    /** Sets the Master volume, 0-100 (scaled to the renderer's own range), and reads it back. */
    public Renderer volume(String id, int percent) throws RendererException {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("volume " + percent + " is not 0-100");
        }
        TrackedRenderer renderer = registry.online(id);
        rendering(renderer, "SetVolume", Map.of("Channel", "Master",
                "DesiredVolume", Long.toString(renderer.rendererVolume(percent))));
        return readVolume(renderer);
    }

    /** Asks the renderer for its Master volume. */
    public Renderer volume(String id) throws RendererException {
        return readVolume(registry.online(id));
    }

    /**
     * The renderer's record with its position asked for now (GetPositionInfo) while it has media: AVTransport
     * does not event the position, and asking only when someone looks keeps DiVA from polling idle renderers. A
     * failure here is not recorded as the renderer's last error: looking must not hide what a command reported.
     */
    public Renderer refresh(String id) throws RendererException {
        TrackedRenderer renderer = registry.online(id);
        RemoteService transport = renderer.device().findService(TrackedRenderer.AV_TRANSPORT);
        if (!renderer.state().hasMedia() || transport == null || transport.getAction("GetPositionInfo") == null) {
            return renderer.snapshot();
        }
        Map<String, String> info = invoke(renderer, TrackedRenderer.AV_TRANSPORT, "GetPositionInfo", Map.of(),
                false);
        renderer.position(Optional.ofNullable(info.get("RelTime")).filter(t -> RelTime.parse(t).isPresent()),
                Optional.ofNullable(info.get("TrackDuration")).filter(t -> RelTime.parse(t).isPresent()),
                registry.clock().instant());
        return renderer.snapshot();
    }

    private Renderer readVolume(TrackedRenderer renderer) throws RendererException {
        Map<String, String> out = rendering(renderer, "GetVolume", Map.of("Channel", "Master"));
        renderer.volume(out.getOrDefault("CurrentVolume", ""), registry.clock().instant());
        return renderer.snapshot();
    }

    private Map<String, String> transport(TrackedRenderer renderer, String action, Map<String, String> inputs)
            throws RendererException {
        return invoke(renderer, TrackedRenderer.AV_TRANSPORT, action, inputs, true);
    }

    private Map<String, String> rendering(TrackedRenderer renderer, String action, Map<String, String> inputs)
            throws RendererException {
        return invoke(renderer, TrackedRenderer.RENDERING_CONTROL, action, inputs, true);
    }

    private Map<String, String> invoke(TrackedRenderer renderer, ServiceType type, String action,
                                       Map<String, String> inputs, boolean recordFailure) throws RendererException {
        RemoteService service = renderer.device().findService(type);
        if (service == null) {
            throw new RendererException(Reason.NOT_SUPPORTED, renderer.name() + " has no " + type.getType()
                    + " service DiVA could read");
        }
        Map<String, String> withInstance = new LinkedHashMap<>();
        withInstance.put("InstanceID", TrackedRenderer.INSTANCE);
        withInstance.putAll(inputs);
        try {
            return new RemoteActions(registry.upnp().getControlPoint()).invoke(renderer.name(), service, action,
                    withInstance);
        } catch (RendererException e) {
            if (recordFailure) {
                renderer.failed(e.getMessage());
            }
            throw e;
        }
    }
}
