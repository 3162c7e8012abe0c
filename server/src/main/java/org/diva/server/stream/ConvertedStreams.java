package org.diva.server.stream;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import org.diva.server.catalogue.Catalogue;
import org.diva.server.catalogue.CatalogueItem;
import org.diva.server.devices.ClientTracker;
import org.diva.server.playback.ClientProfiles;
import org.diva.server.playback.Playback;
import org.diva.server.playback.ProfileStreamOffers;
import org.diva.transcode.decision.Mode;
import org.diva.transcode.decision.Target;
import org.diva.transcode.pipeline.Pipelines;
import org.diva.transcode.pipeline.StreamPlan;
import org.diva.transcode.pipeline.StreamPlans;
import org.diva.transcode.profile.DeviceProfile;
import org.diva.transcode.stream.Ticks;
import org.diva.upnp.dlna.DlnaProfiles;
import org.diva.upnp.library.ConvertedStream;
import org.diva.upnp.library.MediaKind;
import org.diva.web.json.ApiException;
import org.diva.web.live.LiveSource;
import org.diva.web.live.LiveStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * {@code /media/{id}/stream?profile=ID}: the item remuxed or transcoded as the play decision says for that profile
 * (without {@code profile}, the asking device's). The stream is keyed by the item, its file version and the plan,
 * so a second TV of the same kind joins the running conversion or reads the stored one, and a changed file never
 * serves an old conversion. It carries the contentFeatures the DIDL-Lite announced for it.
 *
 * <p>MPEG-TS is sent as it is made. MP4 (for devices that do not open MPEG-TS) is a whole file: its index (moov)
 * comes last, so the request waits until the file is complete and then gets it with the moov moved to the front
 * and a Content-Length, with byte ranges.
 */
public final class ConvertedStreams implements LiveSource {
    /** Converted streams' size over bitrate x duration: TS headers (~4%), PES/PCR/PSI, encoder overshoot. */
    private static final double PROMISE_MARGIN = 1.25;
    private static final int TS_PACKET = 188;
    /** A whole-file output that grows by nothing for this long has failed. */
    private static final Duration WHOLE_FILE_STALL = Duration.ofSeconds(60);

    private final Catalogue catalogue;
    private final ClientProfiles clients;
    private final Playback playback;
    private final ProfileStreamOffers offers;
    private final Function<String, Pipelines> pipelines;
    private final StreamJobs jobs;

    public ConvertedStreams(Catalogue catalogue, ClientProfiles clients, Playback playback,
                            ProfileStreamOffers offers, Function<String, Pipelines> pipelines, StreamJobs jobs) {
        this.catalogue = catalogue;
        this.clients = clients;
        this.playback = playback;
        this.offers = offers;
        this.pipelines = pipelines;
        this.jobs = jobs;
    }

    @Override
    public Optional<LiveStream> open(Request request, Map<String, String> params, OptionalLong startTicks)
            throws IOException, InterruptedException {
        Optional<CatalogueItem> found = item(params.get("id"));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CatalogueItem item = found.get();
        DeviceProfile profile = profile(request);
        Playback.Planned plan = playback.plan(item, profile);
        if (plan.decision().mode() == Mode.UNSUPPORTED) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, "DiVA cannot make " + item.fileName()
                    + " playable on " + profile.name() + ": " + String.join("; ", plan.decision().reasons()));
        }
        ConvertedStream converted = offers.converted(plan).orElseThrow(() -> new ApiException(
                HttpStatus.CONFLICT_409, profile.name() + " plays " + item.fileName() + " as it is: fetch /media/"
                        + item.id() + " instead"));
        Target target = plan.decision().target().orElseThrow();
        boolean wholeFile = !target.container().equals("mpegts");
        if (wholeFile && startTicks.isPresent()) {
            throw new ApiException(HttpStatus.NOT_ACCEPTABLE_406, "a time seek is not offered for "
                    + item.fileName() + " as " + target.container().toUpperCase(Locale.ROOT)
                    + " (a whole file): seek by bytes with Range");
        }
        StreamPlan streamPlan = StreamPlans.of(target);
        Pipelines pipeline = pipelines.apply(target.container());
        String container = item.info().orElseThrow().container();
        String key = item.id() + "|" + item.size() + "|" + item.modified() + "|" + profile.id() + "|"
                + target.container() + "|" + streamPlan;
        OptionalLong duration = item.info().get().durationMillis().isPresent()
                ? OptionalLong.of(Ticks.fromMillis(item.info().get().durationMillis().getAsLong()))
                : OptionalLong.empty();
        MediaKind kind = MediaKind.valueOf(item.kind().name());
        OptionalLong promise = profile.quirks().contentLengthForLive() && !wholeFile
                ? promisedSize(converted.bitrate(), duration) : OptionalLong.empty();
        StreamSpec spec = new StreamSpec(key, converted.mimeType(),
                Optional.of(DlnaProfiles.contentFeatures(converted, kind)), duration, promise,
                (start, out, keyframes) -> {
                    try (FileChannel source = FileChannel.open(item.path())) {
                        pipeline.run(container, source, streamPlan, start, out, keyframes::keyframe);
                    } catch (NoSuchFileException e) {
                        throw new IOException(item.path() + " is no longer on disk", e);
                    }
                });
        LiveStream stream = jobs.open(spec, startTicks);
        if (!wholeFile) {
            return Optional.of(stream);
        }
        try {
            return Optional.of(WholeFileStream.await(stream, WHOLE_FILE_STALL));
        } catch (IOException | InterruptedException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /**
     * For devices that need a Content-Length before the stream exists: its bitrate over its duration, with room for
     * MPEG-TS overhead and encoder overshoot, in whole TS packets. The end is padded with null packets.
     */
    static OptionalLong promisedSize(OptionalLong bitrate, OptionalLong duration) {
        if (bitrate.isEmpty() || duration.isEmpty() || bitrate.getAsLong() <= 0) {
            return OptionalLong.empty();
        }
        double bytes = bitrate.getAsLong() / 8.0 * duration.getAsLong() / Ticks.PER_SECOND * PROMISE_MARGIN
                + (1 << 20);
        return OptionalLong.of(((long) Math.ceil(bytes / TS_PACKET)) * TS_PACKET);
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

    private DeviceProfile profile(Request request) {
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
