package org.diva.server.playback;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.diva.transcode.decision.AudioTarget;
import org.diva.transcode.decision.Mode;
import org.diva.transcode.decision.Target;
import org.diva.transcode.decision.VideoTarget;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaTypes;
import org.diva.transcode.profile.DeviceProfile;
import org.diva.upnp.content.ClientContext;
import org.diva.upnp.library.AudioStream;
import org.diva.upnp.library.ConvertedStream;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.library.Offer;
import org.diva.upnp.library.StreamOffers;
import org.diva.upnp.library.VideoStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the UPnP face lists for each client: its profile is chosen once per request, then each item's decision
 * says whether a remuxed or transcoded stream (MPEG-TS; MP4 for devices without it) goes before the file. An
 * item whose decision fails is listed as the file alone: one bad row must not empty a TV's listing.
 */
public final class ProfileStreamOffers implements StreamOffers {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileStreamOffers.class);

    private final ClientProfiles clients;
    private final Playback playback;
    private final boolean streamsSeekByTime;

    /** @param streamsSeekByTime whether the stream endpoint honours TimeSeekRange.dlna.org (DLNA.ORG_OP=10) */
    public ProfileStreamOffers(ClientProfiles clients, Playback playback, boolean streamsSeekByTime) {
        this.clients = clients;
        this.playback = playback;
        this.streamsSeekByTime = streamsSeekByTime;
    }

    @Override
    public ForClient forClient(ClientContext client) {
        DeviceProfile profile = clients.forClient(client.remoteAddress().getHostAddress(),
                client.userAgent().orElse(null), client.avClientInfo()).profile();
        return item -> offer(item, profile);
    }

    private Offer offer(MediaItem item, DeviceProfile profile) {
        Optional<String> mimeType = profile.quirks().mimeType(item.file().container());
        try {
            Optional<Playback.Planned> planned = playback.plan(item.id(), profile);
            if (planned.isEmpty() || planned.get().path().isEmpty()
                    || planned.get().decision().mode() == Mode.DIRECT) {
                return new Offer(List.of(), mimeType);
            }
            Playback.Planned plan = planned.get();
            return new Offer(List.of(stream(plan, plan.decision().target().orElseThrow(), profile)), mimeType);
        } catch (Exception e) { // a catalogue or decision failure for one item: list the file alone
            LOG.warn("could not decide how {} plays item {}: {}", profile.id(), item.id(), e.toString());
            return new Offer(List.of(), mimeType);
        }
    }

    /**
     * What {@code client} is offered converted for a title served elsewhere at {@code itemPath} (a neighbour's),
     * decided on its media information; empty when it plays as it is or not at all.
     */
    public List<ConvertedStream> convertedElsewhere(MediaInfo media, ClientContext client, String itemPath) {
        DeviceProfile profile = clients.forClient(client.remoteAddress().getHostAddress(),
                client.userAgent().orElse(null), client.avClientInfo()).profile();
        try {
            return converted(playback.planElsewhere(media, profile, itemPath)).map(List::of).orElse(List.of());
        } catch (RuntimeException e) { // one bad title must not break a TV's listing
            LOG.warn("could not decide how {} plays {}: {}", profile.id(), itemPath, e.toString());
            return List.of();
        }
    }

    /** The converted stream a plan makes, as the DIDL-Lite announces it; empty for direct play and unsupported. */
    public Optional<ConvertedStream> converted(Playback.Planned plan) {
        if (plan.path().isEmpty() || plan.decision().mode() == Mode.DIRECT || plan.decision().target().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(stream(plan, plan.decision().target().get(), plan.profile()));
    }

    private ConvertedStream stream(Playback.Planned plan, Target target, DeviceProfile profile) {
        MediaInfo media = plan.media().orElseThrow();
        Optional<VideoStream> video = target.video().map(ProfileStreamOffers::video);
        Optional<AudioStream> audio = target.audio().map(a -> audio(a, media.audio().get(a.track())));
        long audioBits = target.audio().map(a -> a.bitrate().orElse(0)).orElse(0L);
        OptionalLong bitrate = target.video().filter(v -> !v.copy()).map(v -> v.bitrate().isPresent()
                ? OptionalLong.of(v.bitrate().getAsLong() + audioBits) : OptionalLong.empty())
                .orElse(media.bitrate());
        String mimeType = profile.quirks().mimeType(target.container())
                .orElse(MediaTypes.of(target.container(), media.kind()));
        return new ConvertedStream(plan.path().orElseThrow(), target.container(), mimeType, video, audio, bitrate,
                streamsSeekByTime && profile.quirks().timeSeek() && target.container().equals("mpegts"));
    }

    private static VideoStream video(VideoTarget v) {
        return new VideoStream(v.codec(), v.profile(), v.level(), v.width(), v.height(),
                v.frameRate().isPresent() ? OptionalDouble.of(v.frameRate().getAsDouble()) : OptionalDouble.empty());
    }

    /** A copied track keeps its profile; a converted one is what the decision says. */
    private static AudioStream audio(AudioTarget a, AudioTrack source) {
        return new AudioStream(a.codec(), a.copy() ? source.profile() : Optional.empty(),
                a.channels().isPresent() ? a.channels() : source.channels(),
                a.sampleRate().isPresent() ? a.sampleRate() : source.sampleRate(), source.language());
    }
}
