package org.diva.upnp.transport;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jupnp.model.message.StreamRequestMessage;
import org.jupnp.model.message.StreamResponseMessage;
import org.jupnp.protocol.ProtocolFactory;
import org.jupnp.transport.spi.UpnpStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP request handed to jUPnP, run on jUPnP's synchronous-protocol executor: jUPnP answers it, the answer is
 * written without blocking, and jUPnP learns once it is sent (a new GENA subscription starts eventing only then).
 */
final class UpnpExchange extends UpnpStream {
    private static final Logger log = LoggerFactory.getLogger(UpnpExchange.class);
    /** Framing is Jetty's business; copying jUPnP's values would contradict what Jetty writes. */
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection");

    private final StreamRequestMessage request;
    private final Response response;
    private final Callback callback;

    UpnpExchange(ProtocolFactory protocolFactory, StreamRequestMessage request, Response response,
                 Callback callback) {
        super(protocolFactory);
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    @Override
    public void run() {
        StreamResponseMessage answer;
        try {
            answer = process(request);
        } catch (RuntimeException e) {
            log.warn("UPnP request {} {} failed", request.getOperation().getHttpMethodName(), request.getUri(), e);
            PlainReply.send(response, Callback.from(callback, () -> responseException(e)),
                    HttpStatus.INTERNAL_SERVER_ERROR_500, "UPnP request failed");
            return;
        }
        if (answer == null) {
            PlainReply.send(response, Callback.from(callback, () -> responseSent(null)), HttpStatus.NOT_FOUND_404,
                    "no UPnP resource at " + request.getUri().getPath());
            return;
        }
        write(answer);
    }

    private void write(StreamResponseMessage answer) {
        response.setStatus(answer.getOperation().getStatusCode());
        for (Map.Entry<String, List<String>> header : answer.getHeaders().entrySet()) {
            if (FRAMING.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            for (String value : header.getValue()) {
                response.getHeaders().add(header.getKey(), value);
            }
        }
        byte[] body = answer.hasBody() ? answer.getBodyBytes() : null;
        ByteBuffer content = body == null ? null : ByteBuffer.wrap(body);
        if (body != null) {
            response.getHeaders().put("Content-Length", Integer.toString(body.length));
        }
        response.write(true, content, Callback.from(() -> {
            callback.succeeded();
            responseSent(answer);
        }, failure -> {
            callback.failed(failure);
            responseException(failure);
        }));
    }

    @Override
    public String toString() {
        return "UPnP exchange " + request.getOperation().getHttpMethodName() + " " + request.getUri();
    }
}
