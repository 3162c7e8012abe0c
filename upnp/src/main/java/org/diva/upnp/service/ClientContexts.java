package org.diva.upnp.service;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.diva.upnp.content.ClientContext;
import org.diva.upnp.transport.ExchangeConnection;
import org.jupnp.model.action.ActionException;
import org.jupnp.model.profile.RemoteClientInfo;
import org.jupnp.model.types.ErrorCode;

/** Turns jUPnP's view of the caller into the ContentDirectory contract's {@link ClientContext}. */
final class ClientContexts {
    static final String AV_CLIENT_INFO = "X-AV-Client-Info";

    private ClientContexts() {
    }

    /** @throws ActionException 501 for a call that did not come over DiVA's HTTP transport */
    static ClientContext of(RemoteClientInfo info) throws ActionException {
        if (info == null || !(info.getConnection() instanceof ExchangeConnection connection)) {
            throw new ActionException(ErrorCode.ACTION_FAILED.getCode(),
                    "Action Failed: the request did not arrive over HTTP");
        }
        return new ClientContext(connection.getRemoteAddress(), baseUrl(connection.localSocketAddress()),
                Optional.ofNullable(info.getRequestUserAgent()).filter(s -> !s.isBlank()),
                Optional.ofNullable(info.getRequestHeaders().getFirstHeader(AV_CLIENT_INFO))
                        .filter(s -> !s.isBlank()));
    }

    /** {@code http://host:port} of the address the client connected to, IPv6 in brackets. */
    static String baseUrl(InetSocketAddress local) {
        String host = local.getAddress().getHostAddress();
        if (local.getAddress() instanceof Inet6Address) {
            int zone = host.indexOf('%');
            host = "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
        }
        return "http://" + host + ":" + local.getPort();
    }
}
