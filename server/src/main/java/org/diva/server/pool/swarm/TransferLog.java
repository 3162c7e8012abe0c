package org.diva.server.pool.swarm;

import org.diva.server.pool.ServerId;

/**
 * Hears of every chunk the swarm received whole from a holder, so the membership view can show each member's
 * throughput as this server experiences it. Called on the HTTP client's threads, outside the swarm's lock: it must
 * be quick and must not call back into the reader.
 */
@FunctionalInterface
public interface TransferLog {
    /** Logs nothing: for readers whose owner keeps no per-member figures. */
    TransferLog NONE = (holder, bytes, nanos) -> { };

    /**
     * @param holder who sent the chunk
     * @param bytes  its length (a chunk that failed verification is not reported: its rate means nothing)
     * @param nanos  from sending the request to the last byte, at least 1
     */
    void transferred(ServerId holder, long bytes, long nanos);
}
