package org.diva.server.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.diva.upnp.render.PlaybackState;
import org.diva.upnp.render.Renderer;

/** Wire form of a renderer, for {@code /api/v1/renderers}. */
public record RendererJson(String id, String udn, String friendlyName, Optional<String> manufacturer,
                           Optional<String> modelName, Optional<String> modelNumber, String deviceType,
                           String address, Optional<String> localAddress, List<String> services, boolean online,
                           boolean evented, StateJson state, Optional<String> lastError, Instant lastSeen) {

    /** Wire form of what the renderer is doing. */
    public record StateJson(String transportState, Optional<String> transportStatus, Optional<String> currentUri,
                            Optional<String> duration, Optional<String> position, OptionalInt volume,
                            Optional<Boolean> muted, Optional<Instant> updated) {
    }

    /** Wire form of the renderer list. */
    public record ListJson(List<RendererJson> renderers) {
    }

    static RendererJson of(Renderer r) {
        PlaybackState s = r.state();
        return new RendererJson(r.id(), r.udn(), r.friendlyName(), r.manufacturer(), r.modelName(), r.modelNumber(),
                r.deviceType(), r.address(), r.localAddress(), r.services(), r.online(), r.evented(),
                new StateJson(s.transportState(), s.transportStatus(), s.currentUri(), s.duration(), s.position(),
                        s.volume(), s.muted(), s.updated()),
                r.lastError(), r.lastSeen());
    }
}
