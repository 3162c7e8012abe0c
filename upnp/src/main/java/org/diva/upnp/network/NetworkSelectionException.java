package org.diva.upnp.network;

/** No interface can carry UPnP discovery as asked; the message says which interface, why, and what to do. */
public final class NetworkSelectionException extends Exception {
    public NetworkSelectionException(String message) {
        super(message);
    }
}
