package org.diva.upnp.device;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.diva.upnp.transport.HttpLimits;

/**
 * How the MediaServer device presents itself and behaves on the network.
 *
 * @param uuid          the device's persistent identity ({@link DeviceIdentity})
 * @param interfaces    network interfaces to announce on (the {@code interface} setting); empty means every usable
 * @param maxAge        how long TVs may trust an announcement (SSDP CACHE-CONTROL max-age)
 * @param aliveInterval how often the device re-announces itself, well within {@code maxAge}
 * @param eventInterval the least time between two ContentDirectory change events
 * @param httpThreads   concurrent UPnP requests (Browse calls run side by side up to this many)
 */
public record MediaServerOptions(DeviceDescription description, UUID uuid, List<String> interfaces,
                                 Duration maxAge, Duration aliveInterval, Duration eventInterval, int httpThreads,
                                 HttpLimits limits) {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(30);
    public static final Duration DEFAULT_ALIVE_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_EVENT_INTERVAL = Duration.ofSeconds(2);
    public static final int DEFAULT_HTTP_THREADS = 16;

    public MediaServerOptions {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(uuid, "uuid");
        interfaces = List.copyOf(interfaces);
        Objects.requireNonNull(limits, "limits");
        if (maxAge.toSeconds() < 60) {
            throw new IllegalArgumentException("max-age below a minute makes TVs drop DiVA: " + maxAge);
        }
        if (aliveInterval.isNegative() || aliveInterval.isZero() || aliveInterval.compareTo(maxAge) >= 0) {
            throw new IllegalArgumentException("alive interval " + aliveInterval + " must be positive and below "
                    + "max-age " + maxAge);
        }
        if (eventInterval.isNegative()) {
            throw new IllegalArgumentException("negative event interval " + eventInterval);
        }
        if (httpThreads < 2) {
            throw new IllegalArgumentException("need at least two UPnP HTTP threads, not " + httpThreads);
        }
    }

    /** The defaults for a household server. */
    public static MediaServerOptions of(DeviceDescription description, UUID uuid, List<String> interfaces) {
        return new MediaServerOptions(description, uuid, interfaces, DEFAULT_MAX_AGE, DEFAULT_ALIVE_INTERVAL,
                DEFAULT_EVENT_INTERVAL, DEFAULT_HTTP_THREADS, HttpLimits.defaults());
    }

    public MediaServerOptions withAliveInterval(Duration interval) {
        return new MediaServerOptions(description, uuid, interfaces, maxAge, interval, eventInterval, httpThreads,
                limits);
    }

    public MediaServerOptions withEventInterval(Duration interval) {
        return new MediaServerOptions(description, uuid, interfaces, maxAge, aliveInterval, interval, httpThreads,
                limits);
    }

    public MediaServerOptions withLimits(HttpLimits httpLimits) {
        return new MediaServerOptions(description, uuid, interfaces, maxAge, aliveInterval, eventInterval,
                httpThreads, httpLimits);
    }
}
