package org.diva.server.pool.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import org.diva.server.pool.PoolTls;
import org.diva.server.pool.PoolTrust;
import org.diva.server.pool.ServerIdentity;
import org.diva.web.json.Json;

/**
 * The joiner's side of an invite: {@code POST /peer/v1/join} to the inviter's addresses in turn, over TLS that
 * trusts the inviter's ServerId only (pinned from the code) and names the invite as its server name, so the
 * inviter's handshake lets this not-yet-member in for that one path.
 */
final class JoinClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final ObjectMapper mapper = Json.newMapper();

    /**
     * @throws InviteRefusedException when the inviter answered and refused (with its reason)
     * @throws IOException            when no address of the inviter could be reached
     */
    PeerWire.JoinAnswer join(ServerIdentity identity, InviteCode code, PeerWire.JoinRequest body)
            throws IOException, InterruptedException {
        PoolTrust pinned = new PoolTrust();
        pinned.setMembers(List.of(code.inviter()));
        SSLParameters parameters = new SSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(PoolTrust.joinServerName(code.inviteId()))));
        HttpClient client = HttpClient.newBuilder()
                .sslContext(new PoolTls(identity, pinned).context())
                .sslParameters(parameters)
                .connectTimeout(TIMEOUT)
                .build();
        byte[] json = mapper.writeValueAsBytes(body);
        IOException failure = null;
        for (URI address : code.addresses()) {
            HttpRequest request = HttpRequest.newBuilder(address.resolve(MemberGate.JOIN_PATH))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                    .build();
            HttpResponse<byte[]> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (handshakeRefused(e)) {
                    throw new InviteRefusedException(refusal(e, address));
                }
                IOException reached = new IOException("the inviter at " + address + " cannot be reached or is "
                        + "not the server that made the invite (" + e + ")", e);
                if (failure == null) {
                    failure = reached;
                } else {
                    failure.addSuppressed(reached);
                }
                continue;
            }
            if (response.statusCode() == 200) {
                return mapper.readValue(response.body(), PeerWire.JoinAnswer.class);
            }
            throw new InviteRefusedException("the inviter refused: " + errorMessage(response));
        }
        throw failure;
    }

    private static boolean handshakeRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException || t instanceof javax.net.ssl.SSLException
                    && String.valueOf(t.getMessage()).contains("certificate")) {
                return true;
            }
        }
        return false;
    }

    /** Our trust names a wrong server in its message; the inviter's refusal arrives as a TLS alert. */
    private static String refusal(Throwable e, URI address) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("not a member of this pool")) {
                return "the server at " + address + " is not the one that made this invite";
            }
        }
        return "the inviter at " + address + " refused this invite: it was used already, has expired or was "
                + "withdrawn; ask for a new one";
    }

    private String errorMessage(HttpResponse<byte[]> response) {
        try {
            JsonNode node = mapper.readTree(response.body());
            String message = node.path("error").path("message").asText("");
            if (!message.isEmpty()) {
                return message;
            }
        } catch (IOException e) {
            // not our JSON error: the status says enough
        }
        return "HTTP " + response.statusCode();
    }
}
