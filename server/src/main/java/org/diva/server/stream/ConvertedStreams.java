package org.diva.server.stream;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.diva.server.catalogue.Catalogue;
import org.diva.server.catalogue.CatalogueItem;
import org.diva.server.devices.ClientTracker;
import org.diva.server.playback.ClientProfiles;
import org.diva.server.playback.Playback;
import org.diva.transcode.profile.DeviceProfile;
import org.diva.upnp.library.MediaKind;
import org.diva.web.json.ApiException;
import org.diva.web.live.LiveSource;
import org.diva.web.live.LiveStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * {@code /media/{id}/stream?profile=ID} for this server's own items: the item remuxed or transcoded as the play
 * decision says for that profile (without {@code profile}, the asking device's), read from its file on disk. How the
 * stream is made, keyed and served is {@link TitleConversions}', shared with neighbours' items.
 */
public final class ConvertedStreams implements LiveSource {
    private final Catalogue catalogue;
    private final ClientProfiles clients;
    private final Playback playback;
    private final TitleConversions conversions;

    public ConvertedStreams(Catalogue catalogue, ClientProfiles clients, Playback playback,
                            TitleConversions conversions) {
        this.catalogue = catalogue;
        this.clients = clients;
        this.playback = playback;
        this.conversions = conversions;
    }

    @Override
    public Optional<LiveStream> open(Request request, Map<String, String> params, OptionalLong startTicks)
            throws IOException, InterruptedException {
        Optional<CatalogueItem> found = item(params.get("id"));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CatalogueItem item = found.get();
        DeviceProfile profile = profile(request, clients);
        ConvertibleTitle title = new ConvertibleTitle(
                ConvertibleTitle.version(String.valueOf(item.id()), item.size(), item.modified()), item.fileName(),
                "/media/" + item.id(), MediaKind.valueOf(item.kind().name()), () -> {
                    try {
                        return FileChannel.open(item.path());
                    } catch (NoSuchFileException e) {
                        throw new IOException(item.path() + " is no longer on disk", e);
                    }
                });
        return Optional.of(conversions.open(title, profile, playback.plan(item, profile), startTicks));
    }

    private Optional<CatalogueItem> item(String id) throws IOException {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try {
            return catalogue.find(number);
        } catch (SQLException e) {
            throw new IOException("the catalogue could not be read: " + e.getMessage(), e);
        }
    }

    /** The profile a stream request names with {@code ?profile=ID}, else the asking device's. */
    public static DeviceProfile profile(Request request, ClientProfiles clients) {
        Fields query = Request.extractQueryParameters(request);
        String asked = query.getValue("profile");
        if (asked != null) {
            return clients.profiles().byId(asked).orElseThrow(() -> ApiException.notFound("no device profile '"
                    + asked + "'; GET /api/v1/profiles lists them"));
        }
        return clients.forClient(Request.getRemoteAddr(request), request.getHeaders().get(HttpHeader.USER_AGENT),
                Optional.ofNullable(request.getHeaders().get(ClientTracker.AV_CLIENT_INFO))).profile();
    }
}
