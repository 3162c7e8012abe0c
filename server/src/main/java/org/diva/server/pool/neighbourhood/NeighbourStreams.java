package org.diva.server.pool.neighbourhood;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.diva.server.playback.ClientProfiles;
import org.diva.server.stream.ConvertedStreams;
import org.diva.server.stream.ConvertibleTitle;
import org.diva.server.stream.TitleConversions;
import org.diva.transcode.profile.DeviceProfile;
import org.diva.upnp.library.MediaKind;
import org.diva.web.json.ApiException;
import org.diva.web.live.LiveSource;
import org.diva.web.live.LiveStream;
import org.eclipse.jetty.server.Request;

/**
 * {@code /media/n-.../stream?profile=ID}: a neighbour's title remuxed or transcoded like a local one, the producer
 * reading it through {@link NeighbourContent} (the swarm) and planning with the holder's metadata. Its stream key
 * names the holder, the holder's id and the title's size and modification time, so a title the neighbour replaced
 * is converted afresh. Without a content reader or a converter the answer is 503 saying which is missing.
 */
final class NeighbourStreams implements LiveSource {
    private final NeighbourhoodCatalogue catalogue;
    private final ClientProfiles clients;
    private final NeighbourPlayback playback;
    private final AtomicReference<NeighbourContent> content;
    private final AtomicReference<TitleConversions> conversions;

    NeighbourStreams(NeighbourhoodCatalogue catalogue, ClientProfiles clients, NeighbourPlayback playback,
                     AtomicReference<NeighbourContent> content, AtomicReference<TitleConversions> conversions) {
        this.catalogue = catalogue;
        this.clients = clients;
        this.playback = playback;
        this.content = content;
        this.conversions = conversions;
    }

    @Override
    public Optional<LiveStream> open(Request request, Map<String, String> params, OptionalLong startTicks)
            throws IOException, InterruptedException {
        NeighbourItemId id = NeighbourRoutes.parse(params.get("id"));
        DeviceProfile profile = ConvertedStreams.profile(request, clients);
        NeighbourItem item = NeighbourRoutes.find(catalogue, id);
        TitleConversions converter = conversions.get();
        if (converter == null) {
            throw new ApiException(503, "this server converts no neighbours' titles yet: it has no stream production");
        }
        NeighbourContent reader = content.get();
        if (reader == null) {
            throw new ApiException(503, "titles of neighbours cannot be streamed yet: this server has no reader of "
                    + "the pool's content");
        }
        long size = item.item().size();
        ConvertibleTitle title = new ConvertibleTitle(
                ConvertibleTitle.version(id.toString(), size, item.item().modified()), item.item().fileName(),
                NeighbourPlayback.mediaPath(id), MediaKind.valueOf(item.kind().name()),
                () -> reader.open(id.holder(), id.remoteId(), size));
        return Optional.of(converter.open(title, profile, playback.plan(item, profile), startTicks));
    }
}
