package org.diva.upnp.service;

/** GetCurrentConnectionInfo's output arguments, read by jUPnP through these getters. */
public final class ConnectionInfoOutput {
    /** The default connection of a server without PrepareForConnection (ConnectionManager:1, 2.4.4). */
    static final ConnectionInfoOutput DEFAULT_CONNECTION = new ConnectionInfoOutput();

    private ConnectionInfoOutput() {
    }

    public Integer getRcsID() {
        return -1;
    }

    public Integer getAVTransportID() {
        return -1;
    }

    public String getProtocolInfo() {
        return "";
    }

    public String getPeerConnectionManager() {
        return "";
    }

    public Integer getPeerConnectionID() {
        return -1;
    }

    public String getDirection() {
        return "Output";
    }

    public String getStatus() {
        return "OK";
    }
}
