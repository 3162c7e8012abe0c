package org.diva.upnp.lab;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jupnp.model.meta.RemoteDevice;
import org.jupnp.registry.DefaultRegistryListener;
import org.jupnp.registry.Registry;

/** What the control point's registry saw happen to each device, with waits that end as soon as it happens. */
final class DeviceWatch extends DefaultRegistryListener {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, RemoteDevice> present = new ConcurrentHashMap<>();
    private final Map<String, Integer> alives = new ConcurrentHashMap<>();
    private final Map<String, Exception> failures = new ConcurrentHashMap<>();

    @Override
    public void remoteDeviceAdded(Registry registry, RemoteDevice device) {
        update(() -> present.put(udn(device), device));
    }

    @Override
    public void remoteDeviceUpdated(Registry registry, RemoteDevice device) {
        update(() -> alives.merge(udn(device), 1, Integer::sum));
    }

    @Override
    public void remoteDeviceRemoved(Registry registry, RemoteDevice device) {
        update(() -> present.remove(udn(device)));
    }

    @Override
    public void remoteDeviceDiscoveryFailed(Registry registry, RemoteDevice device, Exception ex) {
        update(() -> failures.put(udn(device), ex));
    }

    Optional<RemoteDevice> awaitPresent(String udn, Duration timeout) throws InterruptedException {
        return await(() -> Optional.ofNullable(present.get(udn)), timeout);
    }

    boolean awaitGone(String udn, Duration timeout) throws InterruptedException {
        return await(() -> present.containsKey(udn) ? Optional.empty() : Optional.of(true), timeout).isPresent();
    }

    /** Alive announcements of a known device (jUPnP reports them as updates). */
    Optional<Integer> awaitAlives(String udn, int count, Duration timeout) throws InterruptedException {
        return await(() -> Optional.ofNullable(alives.get(udn)).filter(n -> n >= count), timeout);
    }

    int alives(String udn) {
        return alives.getOrDefault(udn, 0);
    }

    Optional<Exception> awaitFailure(String udn, Duration timeout) throws InterruptedException {
        return await(() -> Optional.ofNullable(failures.get(udn)), timeout);
    }

    private interface Check<T> {
        Optional<T> now();
    }

    private <T> Optional<T> await(Check<T> check, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            Optional<T> result = check.now();
            while (result.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return result;
                }
                changed.await(left, TimeUnit.NANOSECONDS);
                result = check.now();
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static String udn(RemoteDevice device) {
        return device.getIdentity().getUdn().getIdentifierString();
    }
}
