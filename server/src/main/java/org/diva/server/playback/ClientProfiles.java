package org.diva.server.playback;

import java.sql.SQLException;
import java.util.Optional;
import org.diva.server.devices.ClientDevice;
import org.diva.server.devices.ClientDevices;
import org.diva.server.devices.ClientSighting;
import org.diva.server.devices.UpnpDescription;
import org.diva.transcode.profile.ClientIdentity;
import org.diva.transcode.profile.DeviceProfile;
import org.diva.transcode.profile.DeviceProfiles;
import org.diva.transcode.profile.DeviceRecognition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which profile a client gets: the one the household pinned to it, else the one DeviceRecognition picks from its
 * request headers and, when DiVA has read it, the UPnP description of the device at its address. A database
 * failure costs the pinning and the description, never the answer.
 */
public final class ClientProfiles {
    private static final Logger LOG = LoggerFactory.getLogger(ClientProfiles.class);

    private final ClientDevices devices;
    private final DeviceProfiles profiles;
    private final DeviceRecognition recognition;

    public ClientProfiles(ClientDevices devices, DeviceProfiles profiles) {
        this.devices = devices;
        this.profiles = profiles;
        this.recognition = new DeviceRecognition(profiles);
    }

    public DeviceProfiles profiles() {
        return profiles;
    }

    /** The profile for a request from {@code address} with these headers (null when not sent). */
    public ChosenProfile forClient(String address, String userAgent, Optional<String> avClientInfo) {
        ClientSighting client = new ClientSighting(address, userAgent, avClientInfo); // as ClientDevices keys it
        try {
            Optional<ClientDevice> device = devices.find(client.address(), client.userAgent());
            if (device.isPresent()) {
                return forDevice(device.get());
            }
            return recognise(client.userAgent(), client.avClientInfo(), devices.description(client.address()));
        } catch (SQLException e) {
            LOG.warn("could not look up the client at {}; recognising it by its headers: {}", address,
                    e.getMessage());
            return recognise(client.userAgent(), client.avClientInfo(), Optional.empty());
        }
    }

    /** The profile for a recorded client: pinned, else recognised from what it said of itself. */
    public ChosenProfile forDevice(ClientDevice device) {
        Optional<DeviceProfile> pinned = device.pinnedProfile().flatMap(profiles::byId);
        if (pinned.isPresent()) {
            return new ChosenProfile(pinned.get(), "pinned");
        }
        return recognise(device.userAgent(), device.avClientInfo(), device.upnp());
    }

    private ChosenProfile recognise(String userAgent, Optional<String> avClientInfo,
                                    Optional<UpnpDescription> description) {
        ClientIdentity identity = new ClientIdentity(Optional.of(userAgent), avClientInfo,
                description.flatMap(UpnpDescription::friendlyName), description.flatMap(UpnpDescription::manufacturer),
                description.flatMap(UpnpDescription::modelName), description.flatMap(UpnpDescription::modelNumber));
        DeviceProfile recognised = recognition.recognise(identity);
        boolean fallback = recognised.id().equals(DeviceProfiles.FALLBACK)
                && recognised.recognition().score(identity) == 0;
        return new ChosenProfile(recognised, fallback ? "fallback" : "recognised");
    }
}
