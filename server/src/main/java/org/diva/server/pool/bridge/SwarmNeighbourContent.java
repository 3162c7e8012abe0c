package org.diva.server.pool.bridge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.diva.server.pool.Neighbours;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.content.ContentId;
import org.diva.server.pool.neighbourhood.NeighbourContent;
import org.diva.server.pool.swarm.SwarmReaders;

/**
 * Plays a neighbour's item through the swarm: asks the household that listed it for the item's content id, then
 * reads that content from every holder online (the listing household among them) and the local content store.
 */
public final class SwarmNeighbourContent implements NeighbourContent {
    /** Hashing a title not yet hashed takes the holder about a second per 500 MB. */
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_ANSWER = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Neighbours neighbours;
    private final SwarmReaders readers;

    public SwarmNeighbourContent(Neighbours neighbours, SwarmReaders readers) {
        this.neighbours = neighbours;
        this.readers = readers;
    }

    @Override
    public SeekableByteChannel open(ServerId holder, String remoteItemId, long size) throws IOException {
        ContentId id = contentId(holder, remoteItemId);
        return readers.open(id);
    }

    private ContentId contentId(ServerId holder, String remoteItemId) throws IOException {
        Neighbours.Neighbour neighbour = neighbours.online().stream().filter(n -> n.id().equals(holder)).findFirst()
                .orElseThrow(() -> new IOException("household " + holder.shortForm()
                        + " is not online in the pool now"));
        if (!remoteItemId.matches("\\d{1,18}")) {
            throw new IOException("not an item id of household " + neighbour.name() + ": '" + remoteItemId + "'");
        }
        URI uri = neighbour.peerBase().resolve("/peer/v1/items/" + remoteItemId + "/content-id");
        HttpResponse<byte[]> answer;
        try {
            answer = neighbours.client().send(HttpRequest.newBuilder(uri).timeout(ASK_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + neighbour.name() + " for a content id", e);
        }
        if (answer.statusCode() != 200) {
            throw new IOException(neighbour.name() + " did not give the content id of item "
                    + remoteItemId + " (HTTP " + answer.statusCode() + ")");
        }
        if (answer.body().length > MAX_ANSWER) {
            throw new IOException(neighbour.name() + " answered " + answer.body().length
                    + " bytes for a content id");
        }
        JsonNode body = JSON.readTree(answer.body());
        try {
            return new ContentId(body.path("contentId").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IOException(neighbour.name() + " sent a malformed content id: " + e.getMessage(), e);
        }
    }
}
