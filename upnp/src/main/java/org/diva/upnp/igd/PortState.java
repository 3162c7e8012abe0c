package org.diva.upnp.igd;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one forwarded port stands.
 *
 * @param port         what was asked for
 * @param mapped       whether the router (or the household, by hand) forwards it now
 * @param leaseSeconds the lease the router granted; 0 is a permanent mapping (the router accepts no other)
 * @param leaseEnds    when the router drops the mapping unless DiVA renews it; empty for permanent or unmapped
 * @param error        why it is not mapped, in words; empty when mapped or not yet tried
 */
public record PortState(PortRequest port, boolean mapped, long leaseSeconds, Optional<Instant> leaseEnds,
                        Optional<String> error) {
    public PortState {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(leaseEnds, "leaseEnds");
        Objects.requireNonNull(error, "error");
        if (leaseSeconds < 0) {
            throw new IllegalArgumentException("negative lease " + leaseSeconds + " s for " + port);
        }
        if (mapped && error.isPresent()) {
            throw new IllegalArgumentException("port " + port + " cannot be mapped and failed: " + error.get());
        }
    }

    static PortState untried(PortRequest port) {
        return new PortState(port, false, 0, Optional.empty(), Optional.empty());
    }

    static PortState failed(PortRequest port, String error) {
        return new PortState(port, false, 0, Optional.empty(), Optional.of(error));
    }

    static PortState mapped(PortRequest port, long leaseSeconds, Instant now) {
        return new PortState(port, true, leaseSeconds,
                leaseSeconds == 0 ? Optional.empty() : Optional.of(now.plusSeconds(leaseSeconds)), Optional.empty());
    }
}
