package org.diva.server.pool.membership;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.cert.X509Certificate;
import org.diva.web.Router;
import org.diva.web.json.ApiException;
import org.diva.web.json.Json;
import org.diva.web.json.JsonBodies;
import org.diva.web.json.JsonEndpoint;
import org.diva.web.peer.PeerCertificates;

/**
 * Membership's peer endpoints: {@code POST /peer/v1/join} (redeem an invite; the only path a joiner's certificate
 * may use, see {@link MemberGate}) and {@code GET /peer/v1/info} (who this server is; also the round-trip ping).
 */
final class PeerEndpoints {
    private final Membership membership;
    private final ObjectMapper mapper = Json.newMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    PeerEndpoints(Membership membership) {
        this.membership = membership;
    }

    void addRoutes(Router router) {
        router.post(MemberGate.JOIN_PATH, JsonEndpoint.of(request -> join(request)));
        router.get("/peer/v1/info", JsonEndpoint.of(request -> membership.info()));
    }

    private PeerWire.JoinAnswer join(JsonEndpoint.ApiRequest request) throws Exception {
        X509Certificate caller = PeerCertificates.of(request.request())
                .orElseThrow(() -> new ApiException(403, "joining needs a client certificate"));
        JsonNode body = JsonBodies.object(request.request());
        PeerWire.JoinRequest join;
        try {
            join = mapper.treeToValue(body, PeerWire.JoinRequest.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("not a join request: " + e.getOriginalMessage());
        }
        try {
            return membership.admit(caller, join);
        } catch (InviteRefusedException e) {
            throw new ApiException(403, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, e.getMessage());
        }
    }
}
