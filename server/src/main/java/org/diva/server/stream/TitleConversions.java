package org.diva.server.stream;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import org.diva.server.playback.Playback;
import org.diva.server.playback.ProfileStreamOffers;
import org.diva.transcode.decision.Mode;
import org.diva.transcode.decision.Target;
import org.diva.transcode.pipeline.Pipelines;
import org.diva.transcode.pipeline.StreamPlan;
import org.diva.transcode.pipeline.StreamPlans;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.profile.DeviceProfile;
import org.diva.transcode.stream.Ticks;
import org.diva.upnp.dlna.DlnaProfiles;
import org.diva.upnp.library.ConvertedStream;
import org.diva.web.json.ApiException;
import org.diva.web.live.LiveStream;
import org.eclipse.jetty.http.HttpStatus;

/**
 * A title's converted stream for a planned play decision, whatever reads the title: what local items
 * ({@link ConvertedStreams}) and neighbours' items share. The stream is keyed by the title's version and the plan, so
 * a second TV of the same kind joins the running conversion or reads the stored one, and a changed title never
 * serves an old conversion. It carries the contentFeatures the DIDL-Lite announced for it.
 *
 * <p>MPEG-TS is sent as it is made. MP4 (for devices that do not open MPEG-TS) is a whole file: its index (moov)
 * comes last, so the request waits until the file is complete and then gets it with the moov moved to the front
 * and a Content-Length, with byte ranges.
 */
public final class TitleConversions {
    /** Converted streams' size over bitrate x duration: TS headers (~4%), PES/PCR/PSI, encoder overshoot. */
    private static final double PROMISE_MARGIN = 1.25;
    private static final int TS_PACKET = 188;
    /** A whole-file output that grows by nothing for this long has failed. */
    private static final Duration WHOLE_FILE_STALL = Duration.ofSeconds(60);

    private final ProfileStreamOffers offers;
    private final Function<String, Pipelines> pipelines;
    private final StreamJobs jobs;

    /**
     * @param offers    what the DIDL-Lite announces for a plan (MIME type, bitrate, DLNA profile)
     * @param pipelines the pipelines writing an output container (mpegts, mp4)
     * @param jobs      the productions and their store
     */
    public TitleConversions(ProfileStreamOffers offers, Function<String, Pipelines> pipelines, StreamJobs jobs) {
        this.offers = offers;
        this.pipelines = pipelines;
        this.jobs = jobs;
    }

    /**
     * A reader of {@code title} converted as {@code plan} says for {@code profile}, from the start or from the
     * keyframe at or before {@code startTicks}.
     *
     * @throws ApiException 415 when the title cannot be made playable, 409 when it plays as it is, 406 for a time
     *                      seek in a whole file, 503 when too many conversions run
     */
    public LiveStream open(ConvertibleTitle title, DeviceProfile profile, Playback.Planned plan,
                           OptionalLong startTicks) throws IOException, InterruptedException {
        if (plan.decision().mode() == Mode.UNSUPPORTED) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, "DiVA cannot make " + title.name()
                    + " playable on " + profile.name() + ": " + String.join("; ", plan.decision().reasons()));
        }
        ConvertedStream converted = offers.converted(plan).orElseThrow(() -> new ApiException(
                HttpStatus.CONFLICT_409, profile.name() + " plays " + title.name() + " as it is: fetch "
                        + title.asIs() + " instead"));
        Target target = plan.decision().target().orElseThrow();
        boolean wholeFile = !target.container().equals("mpegts");
        if (wholeFile && startTicks.isPresent()) {
            throw new ApiException(HttpStatus.NOT_ACCEPTABLE_406, "a time seek is not offered for "
                    + title.name() + " as " + target.container().toUpperCase(Locale.ROOT)
                    + " (a whole file): seek by bytes with Range");
        }
        MediaInfo info = plan.media().orElseThrow();
        StreamPlan streamPlan = StreamPlans.of(target);
        Pipelines pipeline = pipelines.apply(target.container());
        String key = title.version() + "|" + profile.id() + "|" + target.container() + "|" + streamPlan;
        OptionalLong duration = info.durationMillis().isPresent()
                ? OptionalLong.of(Ticks.fromMillis(info.durationMillis().getAsLong())) : OptionalLong.empty();
        OptionalLong promise = profile.quirks().contentLengthForLive() && !wholeFile
                ? promisedSize(converted.bitrate(), duration) : OptionalLong.empty();
        StreamSpec spec = new StreamSpec(key, converted.mimeType(),
                Optional.of(DlnaProfiles.contentFeatures(converted, title.kind())), duration, promise,
                (start, out, keyframes) -> {
                    try (SeekableByteChannel source = title.source().open()) {
                        pipeline.run(info.container(), source, streamPlan, start, out, keyframes::keyframe);
                    }
                });
        LiveStream stream = jobs.open(spec, startTicks);
        if (!wholeFile) {
            return stream;
        }
        try {
            return WholeFileStream.await(stream, WHOLE_FILE_STALL);
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
}
