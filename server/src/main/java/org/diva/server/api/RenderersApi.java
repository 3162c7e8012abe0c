package org.diva.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import org.diva.upnp.library.LibraryView;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.render.RelTime;
import org.diva.upnp.render.Renderer;
import org.diva.upnp.render.RendererControl;
import org.diva.upnp.render.RendererException;
import org.diva.upnp.render.RendererRegistry;
import org.diva.web.Endpoint;
import org.diva.web.Router;
import org.diva.web.json.ApiException;
import org.diva.web.json.JsonBodies;
import org.diva.web.json.JsonEndpoint;

/**
 * Play-to: the renderers DiVA found and commands to them.
 * <ul>
 * <li>{@code GET /api/v1/renderers}, {@code GET /api/v1/renderers/{id}} (with the position, asked for now while it
 * plays);</li>
 * <li>{@code POST /api/v1/renderers/{id}/play} {@code {"item": 12}}, {@code .../pause}, {@code .../resume},
 * {@code .../stop}, {@code .../seek} {@code {"position": "0:01:30"}} or seconds, {@code .../volume}
 * {@code {"volume": 40}}, and {@code GET .../volume} (asked for now).</li>
 * </ul>
 * Commands answer with the renderer as it is after the command. Errors: 404 for an unknown renderer or item, 400
 * for a bad body, 409 when the renderer refuses (its UPnP error in the message) or lacks the action, 502 when it
 * is gone or does not answer, 503 when DiVA runs without UPnP.
 */
public final class RenderersApi {
    private final RendererRegistry registry;
    private final RendererControl control;
    private final LibraryView library;

    public RenderersApi(RendererRegistry registry, RendererControl control, LibraryView library) {
        this.registry = registry;
        this.control = control;
        this.library = library;
    }

    public void addRoutes(Router router) {
        router.get("/api/v1/renderers", JsonEndpoint.of(request -> new RendererJson.ListJson(
                registry.list().stream().map(RendererJson::of).toList())));
        router.get("/api/v1/renderers/{id}", JsonEndpoint.of(request -> one(request.path("id"))));
        router.post("/api/v1/renderers/{id}/play", command(this::play));
        router.post("/api/v1/renderers/{id}/pause", command((id, request) -> control.pause(id)));
        router.post("/api/v1/renderers/{id}/resume", command((id, request) -> control.resume(id)));
        router.post("/api/v1/renderers/{id}/stop", command((id, request) -> control.stop(id)));
        router.post("/api/v1/renderers/{id}/seek", command((id, request) ->
                control.seek(id, position(JsonBodies.object(request.request()).get("position")))));
        router.post("/api/v1/renderers/{id}/volume", command((id, request) ->
                control.volume(id, volume(JsonBodies.object(request.request()).get("volume")))));
        router.get("/api/v1/renderers/{id}/volume", command((id, request) -> control.volume(id)));
    }

    /** Routes that say play-to needs UPnP, for a DiVA started with {@code --upnp off}. */
    public static void addDisabledRoutes(Router router) {
        JsonEndpoint off = request -> {
            throw new ApiException(503, "play-to needs UPnP; start DiVA with --upnp on");
        };
        for (String path : new String[] {"/api/v1/renderers", "/api/v1/renderers/{id}",
            "/api/v1/renderers/{id}/volume"}) {
            router.get(path, JsonEndpoint.of(off));
        }
        for (String command : new String[] {"play", "pause", "resume", "stop", "seek", "volume"}) {
            router.post("/api/v1/renderers/{id}/" + command, JsonEndpoint.of(off));
        }
    }

    private RendererJson one(String id) {
        Renderer known = registry.find(id).orElseThrow(() -> ApiException.notFound("no renderer " + id));
        if (!known.online() || !known.state().hasMedia()) {
            return RendererJson.of(known);
        }
        try {
            return RendererJson.of(control.refresh(id));
        } catch (RendererException e) {
            return RendererJson.of(registry.find(id).orElse(known)); // the failure is its last error
        }
    }

    private Renderer play(String id, JsonEndpoint.ApiRequest request) throws Exception {
        JsonNode item = JsonBodies.object(request.request()).get("item");
        long itemId = itemId(item);
        MediaItem media = library.item(itemId).orElseThrow(() -> ApiException.notFound("no media item " + itemId));
        return control.play(id, media);
    }

    /** A command on a known renderer: unknown ids are a 404 before the body is read. */
    private Endpoint command(Command command) {
        return JsonEndpoint.of(request -> {
            String id = request.path("id");
            if (registry.find(id).isEmpty()) {
                throw ApiException.notFound("no renderer " + id);
            }
            try {
                return RendererJson.of(command.run(id, request));
            } catch (RendererException e) {
                throw new ApiException(status(e), e.getMessage());
            }
        });
    }

    @FunctionalInterface
    private interface Command {
        Renderer run(String id, JsonEndpoint.ApiRequest request) throws Exception;
    }

    static int status(RendererException e) {
        return switch (e.reason()) {
            case UNKNOWN_RENDERER -> 404;
            case NOT_SUPPORTED, REFUSED -> 409;
            case UNREACHABLE -> 502;
        };
    }

    static long itemId(JsonNode item) {
        if (item != null && item.isIntegralNumber() && item.canConvertToLong() && item.asLong() >= 0) {
            return item.asLong();
        }
        if (item != null && item.isTextual()) {
            Optional<Long> id = CatalogueApi.parseId(item.asText().strip());
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw ApiException.badRequest("\"item\" must be a media item's id, like {\"item\": 12}, not " + shown(item));
    }

    /** {@code "0:01:30"} (H:MM:SS) or a number of seconds, as a number or as text. */
    static Duration position(JsonNode position) {
        if (position != null && position.isNumber() && position.asDouble() >= 0
                && position.asDouble() < 1e7) {
            return Duration.ofMillis(Math.round(position.asDouble() * 1000));
        }
        if (position != null && position.isTextual()) {
            String text = position.asText().strip();
            Optional<Duration> time = RelTime.parse(text);
            if (time.isPresent()) {
                return time.get();
            }
            if (!text.isEmpty() && text.length() < 8 && text.chars().allMatch(Character::isDigit)) {
                return Duration.ofSeconds(Long.parseLong(text));
            }
        }
        throw ApiException.badRequest("\"position\" must be a time like \"0:01:30\" or a number of seconds, not "
                + shown(position));
    }

    private static String shown(JsonNode value) {
        String text = String.valueOf(value);
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    static int volume(JsonNode volume) {
        if (volume != null && volume.isIntegralNumber() && volume.canConvertToInt() && volume.asInt() >= 0
                && volume.asInt() <= 100) {
            return volume.asInt();
        }
        throw ApiException.badRequest("\"volume\" must be a whole number from 0 to 100, not " + shown(volume));
    }
}
