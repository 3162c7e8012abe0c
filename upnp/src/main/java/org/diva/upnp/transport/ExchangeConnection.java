package org.diva.upnp.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.jupnp.model.message.Connection;

/**
 * The TCP connection a UPnP request came on, as jUPnP sees it, plus the local port, so an action can tell the
 * base URL the client reached ({@code http://192.168.1.20:8300}) and hand out URLs it can reach too.
 */
public final class ExchangeConnection implements Connection {
    private final ConnectionMetaData metaData;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;

    ExchangeConnection(ConnectionMetaData metaData) {
        this.metaData = metaData;
        this.local = inet(metaData.getLocalSocketAddress());
        this.remote = inet(metaData.getRemoteSocketAddress());
    }

    private static InetSocketAddress inet(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet;
        }
        throw new IllegalArgumentException("UPnP needs an IP connection, not " + Objects.toString(address));
    }

    /** False once the client hung up, so a long Browse can stop early. */
    @Override
    public boolean isOpen() {
        return metaData.getConnection().getEndPoint().isOpen();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return remote.getAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return local.getAddress();
    }

    /** The address and port the client connected to. */
    public InetSocketAddress localSocketAddress() {
        return local;
    }
}
