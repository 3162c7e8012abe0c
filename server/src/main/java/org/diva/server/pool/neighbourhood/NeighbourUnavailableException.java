package org.diva.server.pool.neighbourhood;

/** A neighbour that is not online, did not answer in time, or answered with something this server cannot use. */
public final class NeighbourUnavailableException extends Exception {
    public NeighbourUnavailableException(String message) {
        super(message);
    }

    public NeighbourUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
