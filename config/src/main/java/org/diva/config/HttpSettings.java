package org.diva.config;

/**
 * The one HTTP server that carries UPnP, media, the dashboard and the peer API.
 *
 * @param port TCP port; 0 picks a free one
 */
public record HttpSettings(int port) {
    public HttpSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port);
        }
    }
}
