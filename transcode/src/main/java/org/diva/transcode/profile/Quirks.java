package org.diva.transcode.profile;

import java.util.Map;
import java.util.Optional;

/**
 * How a device wants DLNA spoken to it.
 *
 * @param mimeTypes           MIME types to announce and send instead of the usual ones, by container (older
 *                            Samsungs want {@code video/x-mkv} for Matroska)
 * @param timeSeek            whether to offer time seeking (DLNA.ORG_OP=10, TimeSeekRange.dlna.org) on converted
 *                            streams; some renderers stall when it is offered
 * @param contentLengthForLive whether to send a Content-Length (an estimate) with converted output; some TVs refuse
 *                            a stream without one, others stop at the estimate
 */
public record Quirks(Map<String, String> mimeTypes, boolean timeSeek, boolean contentLengthForLive) {
    public Quirks {
        mimeTypes = Map.copyOf(mimeTypes);
    }

    public static Quirks none() {
        return new Quirks(Map.of(), true, false);
    }

    public Optional<String> mimeType(String container) {
        return Optional.ofNullable(mimeTypes.get(container));
    }
}
