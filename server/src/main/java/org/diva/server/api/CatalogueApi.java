package org.diva.server.api;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.diva.server.catalogue.Catalogue;
import org.diva.server.catalogue.CatalogueItem;
import org.diva.server.catalogue.ItemQuery;
import org.diva.server.catalogue.ItemStatus;
import org.diva.server.catalogue.Page;
import org.diva.server.library.Library;
import org.diva.server.library.ScanProgress;
import org.diva.transcode.probe.Artwork;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.MediaTypes;
import org.diva.web.Router;
import org.diva.web.json.ApiException;
import org.diva.web.json.JsonEndpoint;
import org.diva.web.media.MediaEndpoint;
import org.diva.web.media.MediaSource;
import org.diva.web.media.ServedFile;
import org.eclipse.jetty.http.HttpHeader;

/** The catalogue's routes: status, items, one item, its artwork, and the media files themselves. */
public final class CatalogueApi {
    private final Catalogue catalogue;
    private final Library library;
    private final String name;
    private final String version;
    private final Supplier<String> url;

    public CatalogueApi(Catalogue catalogue, Library library, String name, String version, Supplier<String> url) {
        this.catalogue = catalogue;
        this.library = library;
        this.name = name;
        this.version = version;
        this.url = url;
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
        router.getAndHead("/media/{id}", new MediaEndpoint(mediaSource()));
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

    /** Only items that were read successfully are served, and only by id: nothing else on disk is reachable. */
    private MediaSource mediaSource() {
        return id -> parseId(id).flatMap(this::findQuietly)
                .filter(item -> item.status() == ItemStatus.OK)
                .map(item -> new ServedFile(item.path(),
                        MediaTypes.of(item.info().map(i -> i.container()).orElse(""), item.kind()),
                        item.size(), item.modified()));
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
