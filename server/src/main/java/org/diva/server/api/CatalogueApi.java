package org.diva.server.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.diva.server.catalogue.Catalogue;
import org.diva.server.catalogue.CatalogueItem;
import org.diva.server.catalogue.ItemQuery;
import org.diva.server.catalogue.ItemStatus;
import org.diva.server.catalogue.Page;
import org.diva.server.catalogue.ViewItems;
import org.diva.server.devices.ClientTracker;
import org.diva.server.faststart.FaststartLayouts;
import org.diva.server.library.Library;
import org.diva.server.library.ScanProgress;
import org.diva.server.playback.ClientProfiles;
import org.diva.server.subtitles.EmbeddedSubtitles;
import org.diva.transcode.probe.Artwork;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.profile.Quirks;
import org.diva.transcode.subtitle.SubtitleTooLargeException;
import org.diva.upnp.dlna.DlnaFormat;
import org.diva.web.Router;
import org.diva.web.json.ApiException;
import org.diva.web.json.JsonEndpoint;
import org.diva.web.media.MediaEndpoint;
import org.diva.web.media.MediaSource;
import org.diva.web.media.ServedFile;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** The catalogue's routes: status, items, one item, its artwork, and the media files themselves. */
public final class CatalogueApi {
    private final Catalogue catalogue;
    private final Library library;
    private final String name;
    private final String version;
    private final Supplier<String> url;
    private final EmbeddedSubtitles embedded;
    private final ClientProfiles clients;
    private final FaststartLayouts faststart;

    /**
     * @param clients   the profile of the client asking for a file, for the MIME type it wants the file sent as
     * @param faststart how MP4s with their movie header last are sent with it first
     */
    public CatalogueApi(Catalogue catalogue, Library library, String name, String version, Supplier<String> url,
                        EmbeddedSubtitles embedded, ClientProfiles clients, FaststartLayouts faststart) {
        this.faststart = faststart;
        this.embedded = embedded;
        this.catalogue = catalogue;
        this.library = library;
        this.name = name;
        this.version = version;
        this.url = url;
        this.clients = clients;
    }

    public void addRoutes(Router router) {
        router.get("/api/v1/status", JsonEndpoint.of(request -> status()));
        router.get("/api/v1/items", JsonEndpoint.of(this::items));
        router.get("/api/v1/items/{id}", JsonEndpoint.of(request -> ItemMapper.detail(item(request.path("id")))));
        router.getAndHead("/api/v1/items/{id}/artwork", (request, response, callback, params) -> {
            String id = params.get("id");
            Artwork art = catalogue.artwork(item(id).id())
                    .orElseThrow(() -> ApiException.notFound("media item " + id + " has no artwork"));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, art.mimeType());
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, art.data().length);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "max-age=3600");
            boolean head = "HEAD".equals(request.getMethod());
            response.write(true, head ? null : ByteBuffer.wrap(art.data()), callback);
        });
        router.getAndHead("/media/{id}", (request, response, callback, params) ->
                new MediaEndpoint(mediaSource(quirks(request))).handle(request, response, callback, params));
        MediaEndpoint subtitles = new MediaEndpoint(subtitleSource());
        router.getAndHead("/media/{id}/subtitles/{index}", (request, response, callback, params) -> {
            Optional<Long> index = parseId(params.get("index"));
            Optional<CatalogueItem> item = parseId(params.get("id")).flatMap(this::findQuietly)
                    .filter(i -> i.status() == ItemStatus.OK);
            int files = item.map(i -> i.externalSubtitles().size()).orElse(0);
            if (item.isPresent() && index.isPresent() && index.get() >= files) {
                byte[] srt = embeddedSubtitle(item.get(), index.get() - files);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/srt; charset=utf-8");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, srt.length);
                boolean head = "HEAD".equals(request.getMethod());
                response.write(true, head ? null : ByteBuffer.wrap(srt), callback);
                return;
            }
            subtitles.handle(request, response, callback, Map.of("id", params.get("id") + "/" + params.get("index")));
        });
    }

    /**
     * The {@code track}-th embedded text subtitle track as SubRip; numbered after the files beside the video, as
     * the DIDL announces them. A track too big or unreadable is refused with what is wrong, not a server error.
     */
    private byte[] embeddedSubtitle(CatalogueItem item, long track) {
        if (track > Integer.MAX_VALUE) {
            throw ApiException.notFound("no subtitle " + track + " in media item " + item.id());
        }
        try {
            return embedded.srt(item, (int) track).orElseThrow(() -> ApiException.notFound(
                    "media item " + item.id() + " has no subtitle track " + track));
        } catch (SubtitleTooLargeException e) {
            throw new ApiException(422, e.getMessage());
        } catch (MediaFormatException e) {
            throw new ApiException(422, "cannot read the subtitles of " + item.fileName() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the subtitles of " + item.path() + " failed", e);
        }
    }

    StatusJson status() throws SQLException {
        Map<ItemStatus, Long> counts = catalogue.counts();
        ScanProgress.Snapshot progress = library.progress();
        return new StatusJson(name, version, url.get(), new StatusJson.LibraryJson(
                counts.get(ItemStatus.OK), progress.scanning(), counts.get(ItemStatus.FAILED),
                new StatusJson.ProgressJson(progress.filesSeen(), progress.toProbe(), progress.probed()),
                catalogue.lastScan().flatMap(s -> s.finished())));
    }

    private ItemPageJson items(JsonEndpoint.ApiRequest request) throws SQLException {
        Optional<MediaKind> kind = request.query("kind").map(k -> parseEnum(MediaKind.class, "kind", k));
        Optional<ItemStatus> status = request.query("status").map(s -> parseEnum(ItemStatus.class, "status", s));
        int offset = request.intQuery("offset", 0, 0, Integer.MAX_VALUE);
        int limit = request.intQuery("limit", 50, 0, ItemQuery.MAX_LIMIT);
        Page<CatalogueItem> page = catalogue.query(new ItemQuery(kind, status, request.query("q"), offset, limit));
        return new ItemPageJson(page.items().stream().map(ItemMapper::summary).toList(), page.total(), offset,
                limit);
    }

    private CatalogueItem item(String id) throws SQLException {
        return parseId(id).flatMap(this::findQuietly)
                .orElseThrow(() -> ApiException.notFound("no media item " + id));
    }

    private Optional<CatalogueItem> findQuietly(long id) {
        try {
            return catalogue.find(id);
        } catch (SQLException e) {
            throw new IllegalStateException("catalogue lookup failed", e);
        }
    }

    /** The asking client's DLNA quirks. */
    private Quirks quirks(Request request) {
        return clients.forClient(Request.getRemoteAddr(request), request.getHeaders().get(HttpHeader.USER_AGENT),
                Optional.ofNullable(request.getHeaders().get(ClientTracker.AV_CLIENT_INFO))).profile().quirks();
    }

    /**
     * Only items that were read successfully are served, and only by id: nothing else on disk is reachable. A file
     * without a DLNA profile goes with the MIME type the client's profile asks for, as its DIDL-Lite announced it; an
     * MP4 with its movie header last goes with it first.
     */
    private MediaSource mediaSource(Quirks quirks) {
        return id -> parseId(id).flatMap(this::findQuietly)
                .filter(item -> item.status() == ItemStatus.OK)
                .map(item -> {
                    DlnaFormat format = ViewItems.dlnaFormat(item);
                    Optional<String> wanted = item.info().flatMap(i -> quirks.mimeType(i.container()));
                    if (wanted.isPresent() && format.profile().isEmpty()) {
                        format = new DlnaFormat(wanted.get(), format.profile(), format.image(), format.transcoded());
                    }
                    ServedFile file = new ServedFile(item.path(), format.mimeType(), item.size(), item.modified(),
                            Optional.of(format.contentFeatures()));
                    return item.info().map(i -> faststart.serve(file, i.container())).orElse(file);
                });
    }

    /**
     * The subtitle files beside a video, as "{id}/{n}": the n-th (from 0) of the names the scan found, resolved
     * beside the video, so only files the catalogue lists are reachable.
     */
    private MediaSource subtitleSource() {
        return key -> {
            int slash = key.indexOf('/');
            Optional<Long> index = parseId(key.substring(slash + 1));
            return parseId(key.substring(0, slash)).flatMap(this::findQuietly)
                    .filter(item -> item.status() == ItemStatus.OK)
                    .flatMap(item -> {
                        List<SubtitleTrack> files = item.externalSubtitles();
                        if (index.isEmpty() || index.get() >= files.size()) {
                            return Optional.empty();
                        }
                        Path file = item.path().resolveSibling(files.get(index.get().intValue()).external()
                                .orElseThrow());
                        try {
                            return Optional.of(new ServedFile(file, subtitleType(file), Files.size(file),
                                    Files.getLastModifiedTime(file).toMillis()));
                        } catch (IOException e) {
                            return Optional.empty();
                        }
                    });
        };
    }

    /** SubRip as DLNA renderers (Samsung, LG) expect it; SubStation Alpha and WebVTT by their usual types. */
    static String subtitleType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ass") || name.endsWith(".ssa")) {
            return "text/x-ssa; charset=utf-8";
        }
        if (name.endsWith(".vtt")) {
            return "text/vtt; charset=utf-8";
        }
        return "text/srt; charset=utf-8";
    }

    static Optional<Long> parseId(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("query parameter '" + name + "' must be one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList() + ", not '" + value + "'");
        }
    }
}
