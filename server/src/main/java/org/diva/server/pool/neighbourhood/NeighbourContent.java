package org.diva.server.pool.neighbourhood;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import org.diva.server.pool.ServerId;

/**
 * Reads a neighbour's title: the swarm reader implements it (pulling chunks from every holder at once); the
 * neighbourhood catalogue only asks for a channel it can position and read.
 */
@FunctionalInterface
public interface NeighbourContent {
    /**
     * @param holder       a household known to hold the title (others may hold it too)
     * @param remoteItemId the item's id on {@code holder}
     * @param size         the title's size as the holder announced it
     */
    SeekableByteChannel open(ServerId holder, String remoteItemId, long size) throws IOException;
}
