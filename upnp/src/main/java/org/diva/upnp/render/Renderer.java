package org.diva.upnp.render;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A MediaRenderer as DiVA last knew it.
 *
 * @param id           DiVA's id for it ({@link RendererIds})
 * @param address      the host of its description URL, where it answers
 * @param localAddress DiVA's address on the interface facing it: media URLs handed to it use this
 * @param services     the service types it offers (AVTransport, RenderingControl, ConnectionManager)
 * @param online       false once it said byebye or its announcement expired
 * @param evented      whether its AVTransport events reach DiVA (else the state is what commands returned)
 * @param lastError    what went wrong last with it (a refused command, a rejected event), if anything
 */
public record Renderer(String id, String udn, String deviceType, String friendlyName, Optional<String> manufacturer,
                       Optional<String> modelName, Optional<String> modelNumber, String address,
                       Optional<String> localAddress, List<String> services, boolean online, boolean evented,
                       PlaybackState state, Optional<String> lastError, Instant lastSeen) {
    public Renderer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(udn, "udn");
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(address, "address");
        services = List.copyOf(services);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
