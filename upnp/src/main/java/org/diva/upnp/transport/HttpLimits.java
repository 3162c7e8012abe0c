package org.diva.upnp.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on UPnP's HTTP traffic, so a peer can neither exhaust memory nor hold a thread forever.
 *
 * @param maxRequestBytes  largest request body DiVA reads (SOAP, GENA NOTIFY); larger ones get 413
 * @param maxResponseBytes largest response body DiVA's client reads (descriptions, SOAP answers, icons)
 * @param clientTimeout    how long a request DiVA sends may take, connecting included
 */
public record HttpLimits(int maxRequestBytes, int maxResponseBytes, Duration clientTimeout) {
    /** SOAP requests are a few hundred bytes; even a long GENA LastChange stays far below this. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 256 * 1024;
    /** A Browse of a few thousand items with long titles fits. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

    public HttpLimits {
        Objects.requireNonNull(clientTimeout, "clientTimeout");
        if (maxRequestBytes < 1 || maxResponseBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxRequestBytes + ", "
                    + maxResponseBytes);
        }
        if (clientTimeout.isNegative() || clientTimeout.isZero()) {
            throw new IllegalArgumentException("client timeout must be positive: " + clientTimeout);
        }
    }

    public static HttpLimits defaults() {
        return new HttpLimits(DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_RESPONSE_BYTES, Duration.ofSeconds(10));
    }
}
