package org.diva.server.devices;

import java.sql.SQLException;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attributes every HTTP request to the client device that sent it, before passing it on. Recording never fails
 * a request: a database error is logged (once until it recovers) and the request is served all the same.
 */
public final class ClientTracker extends Handler.Wrapper {
    public static final String AV_CLIENT_INFO = "X-AV-Client-Info";
    private static final Logger LOG = LoggerFactory.getLogger(ClientTracker.class);

    private final ClientDevices devices;
    private volatile boolean failing;

    public ClientTracker(ClientDevices devices, Handler next) {
        super(next);
        this.devices = devices;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try {
            devices.seen(new ClientSighting(Request.getRemoteAddr(request),
                    request.getHeaders().get(HttpHeader.USER_AGENT),
                    Optional.ofNullable(request.getHeaders().get(AV_CLIENT_INFO))));
            failing = false;
        } catch (SQLException e) {
            if (!failing) {
                LOG.warn("could not record the client of {} {}: {}", request.getMethod(),
                        request.getHttpURI().getPath(), e.getMessage());
                failing = true;
            }
        }
        return super.handle(request, response, callback);
    }
}
