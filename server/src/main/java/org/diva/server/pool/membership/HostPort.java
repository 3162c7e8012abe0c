package org.diva.server.pool.membership;

import java.net.InetSocketAddress;

/**
 * A host and port where a member's pool (JGroups) listener is dialled, written {@code host:port} (IPv6 literals in
 * brackets).
 */
public record HostPort(String host, int port) {
    public HostPort {
        if (host == null || host.isBlank() || host.length() > 253
                || !host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':')) {
            throw new IllegalArgumentException("a pool address needs a host name or IP address, not '"
                    + (host == null ? "" : Member.abbreviate(host)) + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("a pool address needs a port from 1 to 65535, not " + port);
        }
    }

    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("a pool address is host:port, not '" + Member.abbreviate(text) + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new HostPort(host, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a pool address is host:port, not '" + Member.abbreviate(text) + "'");
        }
    }

    /** Unresolved: JGroups resolves it when it dials. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
