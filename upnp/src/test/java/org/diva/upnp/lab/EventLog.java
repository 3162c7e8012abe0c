package org.diva.upnp.lab;

import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jupnp.controlpoint.SubscriptionCallback;
import org.jupnp.model.gena.CancelReason;
import org.jupnp.model.gena.GENASubscription;
import org.jupnp.model.message.UpnpResponse;
import org.jupnp.model.meta.Service;
import org.jupnp.model.state.StateVariableValue;

/** A GENA subscription that queues every event it receives, as one protocol line each. */
@SuppressWarnings("rawtypes") // jUPnP's callback hands out raw subscriptions
final class EventLog extends SubscriptionCallback {
    final CompletableFuture<String> established = new CompletableFuture<>();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    EventLog(Service<?, ?> service) {
        super(service, 600);
    }

    /** {@code event <sequence> name=base64(value) ...}, or null if none came in time. */
    String next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void established(GENASubscription subscription) {
        established.complete(subscription.getSubscriptionId());
    }

    @Override
    protected void failed(GENASubscription subscription, UpnpResponse response, Exception exception,
                          String defaultMsg) {
        established.completeExceptionally(new IllegalStateException(defaultMsg, exception));
    }

    @Override
    protected void ended(GENASubscription subscription, CancelReason reason, UpnpResponse response) {
    }

    @Override
    protected void eventReceived(GENASubscription subscription) {
        StringJoiner line = new StringJoiner(" ", "event " + subscription.getCurrentSequence().getValue() + " ", "");
        @SuppressWarnings("unchecked")
        Map<String, StateVariableValue<?>> values = new TreeMap<>(subscription.getCurrentValues());
        values.forEach((name, value) -> line.add(name + "=" + Wire.encode(String.valueOf(value))));
        events.add(line.toString());
    }

    @Override
    protected void eventsMissed(GENASubscription subscription, int numberOfMissedEvents) {
        events.add("missed " + numberOfMissedEvents);
    }
}
