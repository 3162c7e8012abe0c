package org.diva.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.membership.InviteRefusedException;
import org.diva.server.pool.membership.Pool;
import org.diva.web.Router;
import org.diva.web.json.ApiException;
import org.diva.web.json.JsonBodies;
import org.diva.web.json.JsonEndpoint;

/**
 * The neighbourhood pool in the JSON API.
 * <ul>
 * <li>{@code GET /api/v1/pool}: the pool and its members ({@link PoolJson});</li>
 * <li>{@code POST /api/v1/pool} {@code {"name": "Elm Street"}}: create a pool;</li>
 * <li>{@code POST /api/v1/pool/invites}: a new invite, {@code {"code": "DIVA1-...", "expires": ...}}, valid once
 * for 24 hours;</li>
 * <li>{@code POST /api/v1/pool/join} {@code {"code": "DIVA1-..."}}; {@code POST /api/v1/pool/leave};</li>
 * <li>{@code DELETE /api/v1/pool/members/{serverId}}: remove a member.</li>
 * </ul>
 * Errors: 400 for a malformed name, code or id (and for removing this server), 403 when the inviter refuses the
 * invite (used, expired, wrong secret), 404 for an unknown member, 409 when already in a pool or in none, 502 when
 * the inviter cannot be reached.
 */
public final class PoolApi {
    public static final Duration INVITE_VALIDITY = Duration.ofHours(24);

    /** An invite as the API returns it. */
    public record InviteJson(String code, String expires) {
    }

    private final Pool pool;

    public PoolApi(Pool pool) {
        this.pool = pool;
    }

    public void addRoutes(Router router) {
        router.get("/api/v1/pool", JsonEndpoint.of(request -> PoolJson.of(pool.status())));
        router.post("/api/v1/pool", JsonEndpoint.of(request -> guarded(() ->
                PoolJson.of(pool.create(text(JsonBodies.object(request.request()), "name"))))));
        router.post("/api/v1/pool/invites", JsonEndpoint.of(request -> guarded(() -> {
            String code = pool.invite(INVITE_VALIDITY);
            return new InviteJson(code, org.diva.server.pool.membership.InviteCode.parse(code).expires().toString());
        })));
        router.post("/api/v1/pool/join", JsonEndpoint.of(request -> guarded(() ->
                PoolJson.of(pool.join(text(JsonBodies.object(request.request()), "code"))))));
        router.post("/api/v1/pool/leave", JsonEndpoint.of(request -> guarded(() -> {
            pool.leave();
            return PoolJson.of(pool.status());
        })));
        router.add("DELETE", "/api/v1/pool/members/{serverId}", JsonEndpoint.of(request -> guarded(() -> {
            pool.remove(ServerId.parse(request.path("serverId")));
            return PoolJson.of(pool.status());
        })));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiException.badRequest("the body needs \"" + field + "\" as a non-empty string, like {\""
                    + field + "\": \"...\"}");
        }
        return value.asText();
    }

    @FunctionalInterface
    private interface Action {
        Object run() throws Exception;
    }

    /** Maps the pool's refusals to statuses with their messages. */
    private static Object guarded(Action action) throws Exception {
        try {
            return action.run();
        } catch (InviteRefusedException e) {
            throw new ApiException(403, e.getMessage());
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, e.getMessage());
        } catch (IOException e) {
            throw new ApiException(502, e.getMessage());
        }
    }
}
