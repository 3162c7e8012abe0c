package org.diva.web.live;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.diva.web.json.ApiException;
import org.eclipse.jetty.server.Request;

/**
 * Opens the live stream a request names ({@code params}: the route's path parameters; the request for its query,
 * client address and headers). {@code startTicks} is the DLNA time seek target in 90 kHz ticks, when the request
 * carried {@code TimeSeekRange.dlna.org}. Unknown ids are empty; a stream that cannot be made throws
 * {@link ApiException} with the status and reason (busy: 503; cannot convert: 415).
 */
@FunctionalInterface
public interface LiveSource {
    Optional<LiveStream> open(Request request, Map<String, String> params, OptionalLong startTicks)
            throws IOException, InterruptedException;
}
