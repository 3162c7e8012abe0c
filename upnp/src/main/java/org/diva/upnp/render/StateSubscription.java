package org.diva.upnp.render;

import java.time.InstantSource;
import java.util.Map;
import org.jupnp.controlpoint.SubscriptionCallback;
import org.jupnp.model.UnsupportedDataException;
import org.jupnp.model.gena.CancelReason;
import org.jupnp.model.gena.GENASubscription;
import org.jupnp.model.gena.RemoteGENASubscription;
import org.jupnp.model.message.UpnpResponse;
import org.jupnp.model.meta.RemoteService;
import org.jupnp.model.state.StateVariableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one renderer service's {@code LastChange} (AVTransport or RenderingControl) into its record. jUPnP
 * subscribes, renews and reads the GENA body with DiVA's hardened parser; the LastChange text inside is parsed by
 * {@link LastChange}, and one the renderer got wrong or made hostile is dropped and noted as the last error.
 */
final class StateSubscription extends SubscriptionCallback {
    private static final Logger log = LoggerFactory.getLogger(StateSubscription.class);
    /** Renewed by jUPnP well before it runs out. */
    static final int DURATION_SECONDS = 1800;

    private final TrackedRenderer renderer;
    private final boolean transport;
    private final InstantSource clock;

    StateSubscription(RemoteService service, TrackedRenderer renderer, InstantSource clock) {
        super(service, DURATION_SECONDS);
        this.renderer = renderer;
        this.transport = service.getServiceType().implementsVersion(TrackedRenderer.AV_TRANSPORT);
        this.clock = clock;
    }

    @Override
    protected void established(GENASubscription subscription) {
        log.debug("subscribed to {} of {}", service.getServiceType().getType(), renderer.name());
        if (transport) {
            renderer.evented(true);
        }
    }

    @Override
    protected void eventReceived(GENASubscription subscription) {
        Map<String, StateVariableValue> values = subscription.getCurrentValues();
        StateVariableValue lastChange = values.get("LastChange");
        if (lastChange == null || lastChange.getValue() == null || lastChange.toString().isBlank()) {
            return;
        }
        try {
            LastChange change = LastChange.parse(lastChange.toString());
            if (transport) {
                renderer.transportChanged(change, clock.instant());
            } else {
                renderer.renderingChanged(change, clock.instant());
            }
        } catch (InvalidLastChangeException e) {
            log.warn("ignored an event from {}: {}", renderer.name(), e.getMessage());
            renderer.failed("ignored an event it sent: " + e.getMessage());
        }
    }

    @Override
    protected void invalidMessage(RemoteGENASubscription subscription, UnsupportedDataException e) {
        log.warn("ignored an unreadable event from {}: {}", renderer.name(), e.getMessage());
        renderer.failed("ignored an unreadable event it sent: " + e.getMessage());
    }

    @Override
    protected void eventsMissed(GENASubscription subscription, int numberOfMissedEvents) {
        log.debug("{} missed {} events of {}", renderer.name(), numberOfMissedEvents, service.getServiceType());
    }

    @Override
    protected void failed(GENASubscription subscription, UpnpResponse response, Exception exception,
                          String defaultMsg) {
        log.info("cannot follow {} of {}: {}", service.getServiceType().getType(), renderer.name(), defaultMsg);
        if (transport) {
            renderer.evented(false);
        }
        renderer.failed("DiVA cannot follow its " + service.getServiceType().getType() + " events: " + defaultMsg);
    }

    @Override
    protected void ended(GENASubscription subscription, CancelReason reason, UpnpResponse response) {
        log.debug("subscription to {} of {} ended: {}", service.getServiceType().getType(), renderer.name(), reason);
        if (transport) {
            renderer.evented(false);
        }
    }
}
