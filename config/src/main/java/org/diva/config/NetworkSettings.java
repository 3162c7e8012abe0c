package org.diva.config;

import java.util.List;

/**
 * Where DiVA shows itself on the home network.
 *
 * @param upnp       whether DiVA announces itself and answers UPnP/DLNA at all
 * @param interfaces names of the network interfaces UPnP/DLNA discovery uses; empty means every usable one
 */
public record NetworkSettings(boolean upnp, List<String> interfaces) {
    public NetworkSettings {
        interfaces = List.copyOf(interfaces);
        if (interfaces.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("blank interface name in " + interfaces);
        }
    }
}
