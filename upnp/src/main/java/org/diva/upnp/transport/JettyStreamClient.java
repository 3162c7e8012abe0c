package org.diva.upnp.transport;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jupnp.model.ServerClientTokens;
import org.jupnp.model.message.StreamRequestMessage;
import org.jupnp.model.message.StreamResponseMessage;
import org.jupnp.model.message.UpnpHeaders;
import org.jupnp.model.message.UpnpMessage;
import org.jupnp.model.message.UpnpResponse;
import org.jupnp.model.message.header.UpnpHeader;
import org.jupnp.transport.spi.InitializationException;
import org.jupnp.transport.spi.StreamClient;
import org.jupnp.transport.spi.StreamClientConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jUPnP's HTTP client on Jetty 12's {@link HttpClient}: descriptions, SOAP, and the GENA methods SUBSCRIBE,
 * UNSUBSCRIBE and NOTIFY. Each request has a deadline and its response body a size limit; redirects are not
 * followed and compressed answers are not asked for, so a peer cannot send DiVA elsewhere or inflate a bomb.
 * A request that fails returns null, which jUPnP reads as "no answer".
 */
public final class JettyStreamClient implements StreamClient<StreamClientConfiguration> {
    private static final Logger log = LoggerFactory.getLogger(JettyStreamClient.class);
    private static final Set<String> FRAMING = Set.of("host", "content-length", "transfer-encoding", "connection");

    private final HttpClient http;
    private final HttpLimits limits;
    private final StreamClientConfiguration configuration;

    /** Starts the client; {@link #stop()} releases its threads and connections. */
    public JettyStreamClient(HttpLimits limits, int maxThreads) throws InitializationException {
        this.limits = limits;
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, Math.min(2, maxThreads));
        threads.setName("upnp-http-client");
        threads.setDaemon(true);
        http = new HttpClient();
        http.setExecutor(threads);
        http.setName("upnp-http-client");
        http.setFollowRedirects(false);
        http.setConnectTimeout(limits.clientTimeout().toMillis());
        http.setIdleTimeout(limits.clientTimeout().toMillis());
        http.setMaxConnectionsPerDestination(4);
        http.setUserAgentField(null);
        http.getContentDecoderFactories().clear();
        try {
            http.start();
        } catch (Exception e) {
            throw new InitializationException("cannot start UPnP's HTTP client: " + e.getMessage(), e);
        }
        configuration = new Configuration(limits);
    }

    @Override
    public StreamResponseMessage sendRequest(StreamRequestMessage message) throws InterruptedException {
        URI uri = message.getUri();
        Request request;
        try {
            request = http.newRequest(uri).method(message.getOperation().getHttpMethodName());
        } catch (IllegalArgumentException e) {
            log.debug("Not sending to unusable URL {}: {}", uri, e.getMessage());
            return null;
        }
        prepare(request, message);
        long deadline = limits.clientTimeout().toMillis();
        request.timeout(deadline, TimeUnit.MILLISECONDS);
        try {
            ContentResponse response = new CompletableResponseListener(request, limits.maxResponseBytes()).send()
                    .get(deadline + 1_000, TimeUnit.MILLISECONDS);
            return toUpnp(response);
        } catch (InterruptedException e) {
            request.abort(e);
            throw e;
        } catch (TimeoutException e) {
            request.abort(e);
            log.info("No answer from {} within {}", uri, limits.clientTimeout());
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.info("{} {} failed: {}", message.getOperation().getHttpMethodName(), uri, describe(cause));
            return null;
        }
    }

    private void prepare(Request request, StreamRequestMessage message) {
        request.version(message.getOperation().getHttpMinorVersion() == 0 ? HttpVersion.HTTP_1_0
                : HttpVersion.HTTP_1_1);
        // Embedded HTTP servers in TVs mishandle idle keep-alive connections; jUPnP closes them too.
        request.headers(h -> h.put(HttpHeader.CONNECTION, "close"));
        for (Map.Entry<String, List<String>> header : message.getHeaders().entrySet()) {
            if (FRAMING.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : header.getValue()) {
                request.headers(h -> h.add(header.getKey(), value));
            }
        }
        if (!message.getHeaders().containsKey(UpnpHeader.Type.USER_AGENT)) {
            request.agent(configuration.getUserAgentValue(message.getUdaMajorVersion(),
                    message.getUdaMinorVersion()));
        }
        if (message.hasBody()) {
            String contentType = message.getHeaders().getFirstHeaderString(UpnpHeader.Type.CONTENT_TYPE);
            request.body(new BytesRequestContent(contentType, message.getBodyBytes()));
        }
    }

    private static StreamResponseMessage toUpnp(ContentResponse response) {
        StreamResponseMessage message = new StreamResponseMessage(new UpnpResponse(response.getStatus(),
                response.getReason() == null ? "" : response.getReason()));
        UpnpHeaders headers = new UpnpHeaders();
        for (HttpField field : response.getHeaders()) {
            headers.add(field.getName(), field.getValue());
        }
        message.setHeaders(headers);
        byte[] body = response.getContent();
        if (body != null && body.length > 0) {
            if (message.isContentTypeMissingOrText()) {
                message.setBodyCharacters(body);
            } else {
                message.setBody(UpnpMessage.BodyType.BYTES, body);
            }
        }
        return message;
    }

    private String describe(Throwable cause) {
        String text = String.valueOf(cause.getMessage());
        if (cause instanceof IllegalArgumentException && text.contains("capacity")) {
            return "the response is larger than " + limits.maxResponseBytes() + " bytes";
        }
        return cause.getClass().getSimpleName() + ": " + text;
    }

    @Override
    public void stop() {
        try {
            http.stop();
        } catch (Exception e) {
            log.warn("Stopping UPnP's HTTP client: {}", e.toString());
        }
    }

    @Override
    public StreamClientConfiguration getConfiguration() {
        return configuration;
    }

    /** What jUPnP may ask of the client's setup; retries are jUPnP's business, and off. */
    private record Configuration(HttpLimits limits) implements StreamClientConfiguration {
        /** None: only jUPnP's own AbstractStreamClient runs requests on an executor; Jetty has its threads. */
        @Override
        public ExecutorService getRequestExecutorService() {
            return null;
        }

        @Override
        public int getTimeoutSeconds() {
            return (int) Math.max(1, limits.clientTimeout().toSeconds());
        }

        @Override
        public int getRetryIterations() {
            return 0;
        }

        @Override
        public int getLogWarningSeconds() {
            return 0;
        }

        @Override
        public int getRetryAfterSeconds() {
            return 0;
        }

        @Override
        public String getUserAgentValue(int majorVersion, int minorVersion) {
            return new ServerClientTokens(majorVersion, minorVersion).toString();
        }
    }
}
