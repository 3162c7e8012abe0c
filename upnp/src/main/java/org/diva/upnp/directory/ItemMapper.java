package org.diva.upnp.directory;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.upnp.didl.AlbumArt;
import org.diva.upnp.didl.Caption;
import org.diva.upnp.didl.DidlItem;
import org.diva.upnp.didl.DidlResource;
import org.diva.upnp.dlna.DlnaFormat;
import org.diva.upnp.dlna.DlnaProfiles;
import org.diva.upnp.library.AudioStream;
import org.diva.upnp.library.ConvertedStream;
import org.diva.upnp.library.EmbeddedSubtitle;
import org.diva.upnp.library.ItemClasses;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.library.Offer;
import org.diva.upnp.library.PhotoFacts;
import org.diva.upnp.library.StreamOffers;
import org.diva.upnp.library.SubtitleFile;
import org.diva.upnp.library.VideoStream;

/**
 * Describes a library item in DIDL-Lite, with the URLs the server serves:
 * <ul>
 * <li>the converted streams the asking client is offered ({@link StreamOffers}), first;</li>
 * <li>{@code {base}/media/{id}}: the file;</li>
 * <li>{@code {base}/media/{id}/subtitles/{index}}: a subtitle file beside it (indexes 0 to k-1 for its k files),
 * then its embedded text subtitle tracks as SubRip (k onwards, in track order);</li>
 * <li>{@code {base}/api/v1/items/{id}/thumbnail?v={version}}: its picture (cover art, a video frame, a photo) as a
 * JPEG_TN thumbnail; the version changes the URL when the item changes, since TVs cache art by URL (the server
 * ignores the query);</li>
 * <li>{@code {base}/api/v1/items/{id}/thumbnail/{profile}?v={version}}: a photo scaled to JPEG_SM, JPEG_MED or
 * JPEG_LRG (see {@link ScaledPhotos}).</li>
 * </ul>
 */
final class ItemMapper {
    /** Subtitle formats a renderer may fetch beside the video, with the MIME type each is announced with. */
    private static final Map<String, String> SUBTITLE_TYPES = Map.of("srt", "text/srt", "webvtt", "text/vtt",
            "vtt", "text/vtt", "ass", "text/x-ssa", "ssa", "text/x-ssa", "smi", "smi/caption");
    /** Those Samsung TVs take as {@code sec:CaptionInfoEx}. */
    private static final Map<String, String> SAMSUNG_CAPTIONS = Map.of("srt", "srt", "smi", "smi");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

    /** How a JPEG_TN thumbnail is announced (an image: interactive and background transfer). */
    static final String THUMBNAIL_PROTOCOL = "http-get:*:image/jpeg:DLNA.ORG_PN=JPEG_TN;DLNA.ORG_OP=01;"
            + "DLNA.ORG_CI=1;DLNA.ORG_FLAGS=00D00000000000000000000000000000";
    /** Videos the server can draw a thumbnail of: those it demuxes, with video it decodes. */
    private static final Set<String> THUMBNAIL_CONTAINERS = Set.of("mp4", "mov", "matroska", "webm", "mpegts",
            "m2ts", "mpegps");
    private static final Set<String> THUMBNAIL_CODECS = Set.of("h264", "mpeg1video", "mpeg2video", "mpeg4");

    private ItemMapper() {
    }

    /**
     * Whether the server can make a thumbnail ({@code /api/v1/items/{id}/thumbnail}): cover art for music, a frame
     * of an H.264, MPEG-1/2 or MPEG-4 Part 2 video in MP4, Matroska, MPEG-TS or MPEG-PS (the server may still find
     * the stream beyond its decoder: 10-bit, interlaced H.264), a scaled JPEG or PNG photo.
     */
    static boolean hasThumbnail(MediaItem item) {
        return switch (item.kind()) {
            case AUDIO -> item.hasCoverArt();
            case VIDEO -> THUMBNAIL_CONTAINERS.contains(item.file().container())
                    && item.video().map(v -> THUMBNAIL_CODECS.contains(v.codec())).orElse(false);
            case PHOTO -> Set.of("jpeg", "png").contains(item.file().container());
        };
    }

    /** The item with the file alone, as a client without a profile gets it. */
    static DidlItem toDidl(MediaItem item, String parentId, String baseUrl) {
        return toDidl(item, parentId, baseUrl, StreamOffers.ForClient.ORIGINAL);
    }

    /**
     * The item as one client gets it: the converted streams it is offered first (a renderer plays the first
     * {@code res} it can), then the file itself, its thumbnail and subtitle files.
     */
    static DidlItem toDidl(MediaItem item, String parentId, String baseUrl, StreamOffers.ForClient offers) {
        String media = baseUrl + "/media/" + item.id();
        String thumbnail = baseUrl + "/api/v1/items/" + item.id() + "/thumbnail?v=" + item.version();
        Optional<AlbumArt> art = hasThumbnail(item)
                ? Optional.of(new AlbumArt(thumbnail, DlnaProfiles.ALBUM_ART_PROFILE))
                : Optional.empty();
        Offer offer = offers.offer(item);
        List<DidlResource> resources = new ArrayList<>();
        for (ConvertedStream stream : offer.converted()) {
            resources.add(convertedResource(item, stream, baseUrl));
        }
        resources.add(mainResource(item, media, offer.originalMimeType()));
        if (art.isPresent()) {
            resources.add(DidlResource.of(thumbnail, THUMBNAIL_PROTOCOL));
        }
        resources.addAll(ScaledPhotos.of(item, baseUrl));
        List<Caption> captions = new ArrayList<>();
        for (SubtitleFile subtitle : item.subtitleFiles()) {
            addSubtitle(media + "/subtitles/" + subtitle.index(), subtitle.format(), resources, captions);
        }
        // Embedded text tracks are numbered after the files, counting only those the server extracts: bitmap
        // tracks (pgs, dvdsub, dvbsub) are not offered, since a TV cannot fetch a picture stream as a file.
        int index = item.subtitleFiles().size();
        for (EmbeddedSubtitle subtitle : item.subtitles()) {
            if (subtitle.servedAsSrt()) {
                addSubtitle(media + "/subtitles/" + index++, "srt", resources, captions);
            }
        }
        return new DidlItem(ObjectIds.item(item.id()), parentId, item.title(), ItemClasses.of(item.kind()),
                Optional.of(date(item)), item.tags().artist(), item.tags().album(), item.tags().genre(),
                item.tags().trackNumber(), art, resources, captions);
    }

    /**
     * A neighbour's item: the file alone at {@code mediaUrl}, under its own object id. No thumbnail or subtitles,
     * which this server makes only of its own files.
     */
    static DidlItem toDidl(MediaItem item, String objectId, String parentId, String mediaUrl) {
        return toDidl(item, objectId, parentId, mediaUrl, List.of(), "");
    }

    /** An item served elsewhere (a neighbour's): its converted streams first (paths from {@code baseUrl}), then it. */
    static DidlItem toDidl(MediaItem item, String objectId, String parentId, String mediaUrl,
                           List<ConvertedStream> converted, String baseUrl) {
        List<DidlResource> resources = new ArrayList<>();
        for (ConvertedStream stream : converted) {
            resources.add(convertedResource(item, stream, baseUrl));
        }
        resources.add(mainResource(item, mediaUrl, Optional.empty()));
        return new DidlItem(objectId, parentId, item.title(), ItemClasses.of(item.kind()), Optional.of(date(item)),
                item.tags().artist(), item.tags().album(), item.tags().genre(), item.tags().trackNumber(),
                Optional.empty(), resources, List.of());
    }

    private static void addSubtitle(String url, String format, List<DidlResource> resources,
                                    List<Caption> captions) {
        String type = SUBTITLE_TYPES.get(format);
        if (type != null) {
            resources.add(DidlResource.of(url, "http-get:*:" + type + ":*"));
            Optional.ofNullable(SAMSUNG_CAPTIONS.get(format)).ifPresent(samsung -> captions.add(new Caption(url,
                    samsung)));
        }
    }

    private static DidlResource mainResource(MediaItem item, String url, Optional<String> mimeType) {
        Optional<AudioStream> audio = item.audio();
        OptionalLong bytesPerSecond = item.bitrate().isPresent()
                ? OptionalLong.of(item.bitrate().getAsLong() / 8) : OptionalLong.empty();
        DlnaFormat format = DlnaProfiles.formatOf(item);
        if (mimeType.isPresent() && format.profile().isEmpty()) { // a DLNA profile fixes its own MIME type
            format = new DlnaFormat(mimeType.get(), format.profile(), format.image(), format.transcoded());
        }
        return new DidlResource(url, format.protocolInfo(), OptionalLong.of(item.file().size()),
                item.durationMillis(), bytesPerSecond, resolution(item),
                audio.map(AudioStream::sampleRate).orElse(OptionalInt.empty()),
                audio.map(AudioStream::channels).orElse(OptionalInt.empty()));
    }

    /** A stream made on the fly: no size (it is not known before it is made), time seek if the server offers it. */
    private static DidlResource convertedResource(MediaItem item, ConvertedStream stream, String baseUrl) {
        String protocolInfo = "http-get:*:" + DlnaProfiles.formatOf(stream, item.kind()).mimeType() + ":"
                + DlnaProfiles.contentFeatures(stream, item.kind());
        OptionalLong bytesPerSecond = stream.bitrate().isPresent()
                ? OptionalLong.of(stream.bitrate().getAsLong() / 8) : OptionalLong.empty();
        return new DidlResource(baseUrl + stream.path(), protocolInfo, OptionalLong.empty(), item.durationMillis(),
                bytesPerSecond,
                stream.video().filter(v -> v.width() > 0 && v.height() > 0).map(ItemMapper::size),
                stream.audio().map(AudioStream::sampleRate).orElse(OptionalInt.empty()),
                stream.audio().map(AudioStream::channels).orElse(OptionalInt.empty()));
    }

    private static Optional<String> resolution(MediaItem item) {
        Optional<String> video = item.video().filter(v -> v.width() > 0 && v.height() > 0)
                .map(ItemMapper::size);
        return video.or(() -> item.photo().filter(p -> p.width() > 0 && p.height() > 0)
                .map(p -> p.width() + "x" + p.height()));
    }

    private static String size(VideoStream video) {
        return video.width() + "x" + video.height();
    }

    /** A photo's date taken with its time of day; otherwise the day of {@link MediaItem#date()}. */
    private static String date(MediaItem item) {
        Optional<LocalDateTime> taken = item.photo().flatMap(PhotoFacts::dateTaken);
        return taken.map(DATE_TIME::format).orElseGet(() -> DATE.format(item.date()));
    }
}
