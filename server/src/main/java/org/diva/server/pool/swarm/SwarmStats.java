package org.diva.server.pool.swarm;

import java.util.Map;
import java.util.Set;
import org.diva.server.pool.ServerId;

/**
 * What each holder gave one read so far.
 *
 * @param bytesFrom     bytes received from each holder (verified or not)
 * @param badChunksFrom chunks from each holder that failed verification
 * @param dropped       holders dropped for sending bad chunks
 */
public record SwarmStats(Map<ServerId, Long> bytesFrom, Map<ServerId, Integer> badChunksFrom, Set<ServerId> dropped) {
    public SwarmStats {
        bytesFrom = Map.copyOf(bytesFrom);
        badChunksFrom = Map.copyOf(badChunksFrom);
        dropped = Set.copyOf(dropped);
    }
}
