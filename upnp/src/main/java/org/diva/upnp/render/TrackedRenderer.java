package org.diva.upnp.render;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.jupnp.model.meta.DeviceDetails;
import org.jupnp.model.meta.RemoteDevice;
import org.jupnp.model.meta.RemoteService;
import org.jupnp.model.meta.StateVariable;
import org.jupnp.model.meta.StateVariableAllowedValueRange;
import org.jupnp.model.types.ServiceType;
import org.jupnp.model.types.UDAServiceType;

/**
 * One renderer's record: the device jUPnP described, and what DiVA has learnt of it since. Events, commands and
 * the API reach it from different threads, so every method holds its lock; {@link #snapshot} is what leaves.
 */
final class TrackedRenderer {
    static final ServiceType AV_TRANSPORT = new UDAServiceType("AVTransport", 1);
    static final ServiceType RENDERING_CONTROL = new UDAServiceType("RenderingControl", 1);
    static final ServiceType CONNECTION_MANAGER = new UDAServiceType("ConnectionManager", 1);
    static final String INSTANCE = "0";
    private static final int MAX_TEXT = 256;

    private final String id;
    private RemoteDevice device;
    private boolean online = true;
    private boolean evented;
    private PlaybackState state = PlaybackState.unknown();
    private Optional<String> lastError = Optional.empty();
    private Instant lastSeen;

    TrackedRenderer(String id, RemoteDevice device, Instant now) {
        this.id = id;
        this.device = device;
        this.lastSeen = now;
    }

    String id() {
        return id;
    }

    synchronized RemoteDevice device() {
        return device;
    }

    synchronized String name() {
        return friendlyName(device);
    }

    synchronized boolean online() {
        return online;
    }

    synchronized PlaybackState state() {
        return state;
    }

    /** Seen again (an alive, a new description); a renderer that comes back replaces its old description. */
    synchronized void seen(RemoteDevice device, Instant now) {
        this.device = device;
        online = true;
        lastSeen = now;
    }

    synchronized void touched(Instant now) {
        lastSeen = now;
    }

    synchronized void gone() {
        online = false;
        evented = false;
    }

    synchronized void evented(boolean evented) {
        this.evented = evented;
    }

    synchronized void failed(String error) {
        lastError = Optional.of(cut(error, PlaybackState.MAX_VALUE));
    }

    synchronized void transportChanged(LastChange change, Instant now) {
        state = state.withTransport(change.value(0, "TransportState"), change.value(0, "TransportStatus"),
                change.value(0, "AVTransportURI").or(() -> change.value(0, "CurrentTrackURI")),
                change.value(0, "CurrentTrackDuration").or(() -> change.value(0, "CurrentMediaDuration")), now);
        if (!state.hasMedia()) {
            state = state.withPosition(Optional.empty(), Optional.empty(), now);
        }
    }

    synchronized void renderingChanged(LastChange change, Instant now) {
        OptionalInt volume = change.value(0, "Volume", "Master").map(this::percent).orElse(OptionalInt.empty());
        Optional<Boolean> muted = change.value(0, "Mute", "Master").map(v -> v.equals("1") || v.equals("true"));
        state = state.withVolume(volume, muted, now);
    }

    synchronized void transportInfo(String transportState, String status, Instant now) {
        state = state.withTransport(Optional.of(transportState), Optional.of(status), Optional.empty(),
                Optional.empty(), now);
    }

    synchronized void position(Optional<String> position, Optional<String> duration, Instant now) {
        state = state.withPosition(position, duration, now);
    }

    synchronized void volume(String rendererVolume, Instant now) {
        state = state.withVolume(percent(rendererVolume), Optional.empty(), now);
    }

    /** The renderer's volume scale for a percentage, by the range its description declares (else 0-100). */
    synchronized long rendererVolume(int percent) {
        long[] range = volumeRange();
        return range[0] + Math.round((range[1] - range[0]) * percent / 100.0);
    }

    private OptionalInt percent(String rendererVolume) {
        try {
            long value = Long.parseLong(rendererVolume.strip());
            long[] range = volumeRange();
            long clamped = Math.max(range[0], Math.min(range[1], value));
            return OptionalInt.of((int) Math.round(100.0 * (clamped - range[0]) / (range[1] - range[0])));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private long[] volumeRange() {
        RemoteService rc = device.findService(RENDERING_CONTROL);
        StateVariable<RemoteService> volume = rc == null ? null : rc.getStateVariable("Volume");
        StateVariableAllowedValueRange range = volume == null ? null
                : volume.getTypeDetails().getAllowedValueRange();
        if (range == null || range.getMaximum() <= range.getMinimum()) {
            return new long[] {0, 100};
        }
        return new long[] {range.getMinimum(), range.getMaximum()};
    }

    synchronized Renderer snapshot() {
        DeviceDetails details = device.getDetails();
        InetAddress local = device.getIdentity().getDiscoveredOnLocalAddress();
        return new Renderer(id, device.getIdentity().getUdn().getIdentifierString(), device.getType().toString(),
                friendlyName(device),
                text(details.getManufacturerDetails() == null ? null : details.getManufacturerDetails()
                        .getManufacturer()),
                text(details.getModelDetails() == null ? null : details.getModelDetails().getModelName()),
                text(details.getModelDetails() == null ? null : details.getModelDetails().getModelNumber()),
                device.getIdentity().getDescriptorURL().getHost(),
                Optional.ofNullable(local).map(InetAddress::getHostAddress),
                Arrays.stream(device.getServices()).map(s -> s.getServiceType().toString()).toList(),
                online, evented, state, lastError, lastSeen);
    }

    private static String friendlyName(RemoteDevice device) {
        return text(device.getDetails().getFriendlyName()).orElse(device.getIdentity().getUdn().toString());
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(cut(value.strip(), MAX_TEXT));
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
