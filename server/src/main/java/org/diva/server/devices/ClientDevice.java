package org.diva.server.devices;

import java.time.Instant;
import java.util.Optional;

/**
 * A client as recorded: its sightings summed up, its UPnP description if one is known for its address, and the
 * device profile the household pinned to it, if any.
 */
public record ClientDevice(long id, String address, String userAgent, Optional<String> avClientInfo,
                           Optional<UpnpDescription> upnp, Instant firstSeen, Instant lastSeen, long requests,
                           Optional<String> pinnedProfile) {
}
