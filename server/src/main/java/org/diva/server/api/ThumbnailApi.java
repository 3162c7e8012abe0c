package org.diva.server.api;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.diva.server.thumbnails.ThumbnailOutcome;
import org.diva.server.thumbnails.Thumbnails;
import org.diva.transcode.thumbnail.ImageBox;
import org.diva.transcode.thumbnail.Thumbnail;
import org.diva.web.Router;
import org.diva.web.json.ApiException;
import org.diva.web.json.JsonResponses;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET}/{@code HEAD /api/v1/items/{id}/thumbnail}: the item's DLNA JPEG_TN picture (at most 160x160), and
 * {@code /api/v1/items/{id}/thumbnail/{profile}}: its picture in the box of JPEG_TN, JPEG_SM (640x480), JPEG_MED
 * (1024x768) or JPEG_LRG (4096x4096), which the DIDL offers for photos bigger than those; each made on first request. 404 with the reason when none can be made, 503 when too many are waiting. The response is sent
 * when the picture is ready, from the thread that made it, so waiting requests hold no server thread.
 */
public final class ThumbnailApi {
    private final Thumbnails thumbnails;

    public ThumbnailApi(Thumbnails thumbnails) {
        this.thumbnails = thumbnails;
    }

    public void addRoutes(Router router) {
        router.getAndHead("/api/v1/items/{id}/thumbnail", (request, response, callback, params) ->
                picture(request, response, callback, params.get("id"), Thumbnails.BOX));
        router.getAndHead("/api/v1/items/{id}/thumbnail/{profile}", (request, response, callback, params) -> {
            ImageBox box = Thumbnails.BOXES.get(params.get("profile"));
            if (box == null) {
                throw ApiException.notFound("no picture profile " + params.get("profile") + "; DiVA makes "
                        + String.join(", ", new java.util.TreeSet<>(Thumbnails.BOXES.keySet())));
            }
            picture(request, response, callback, params.get("id"), box);
        });
    }

    private void picture(Request request, Response response, Callback callback, String id, ImageBox box)
            throws SQLException {
        Optional<Long> itemId = CatalogueApi.parseId(id);
        Optional<CompletableFuture<ThumbnailOutcome>> outcome = itemId.isEmpty() ? Optional.empty()
                : thumbnails.of(itemId.get(), box);
        outcome.orElseThrow(() -> ApiException.notFound("no media item " + id)).whenComplete((result, failure) -> {
            if (failure != null) {
                JsonResponses.fail(response, callback, failure);
            } else {
                send(request, response, callback, itemId.get(), box, result);
            }
        });
    }

    private static void send(Request request, Response response, Callback callback, long itemId, ImageBox box,
                             ThumbnailOutcome outcome) {
        if (outcome instanceof ThumbnailOutcome.Picture picture) {
            String etag = "\"" + box.dlnaProfile().toLowerCase(java.util.Locale.ROOT) + "-" + itemId + "-"
                    + picture.itemVersion() + "\"";
            response.getHeaders().put(HttpHeader.ETAG, etag);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache"); // revalidate: the file may change
            if (etag.equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
                response.setStatus(HttpStatus.NOT_MODIFIED_304);
                callback.succeeded();
                return;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Thumbnail.MIME_TYPE);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, picture.jpeg().length);
            if ("1".equals(request.getHeaders().get("getcontentFeatures.dlna.org"))) {
                response.getHeaders().put("contentFeatures.dlna.org",
                        "DLNA.ORG_PN=" + box.dlnaProfile() + ";DLNA.ORG_OP=00;DLNA.ORG_CI=1");
            }
            boolean head = "HEAD".equals(request.getMethod());
            response.write(true, head ? null : ByteBuffer.wrap(picture.jpeg()), callback);
        } else if (outcome instanceof ThumbnailOutcome.Busy busy) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            JsonResponses.error(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, busy.reason());
        } else {
            JsonResponses.error(response, callback, HttpStatus.NOT_FOUND_404,
                    ((ThumbnailOutcome.NoPicture) outcome).reason());
        }
    }
}
