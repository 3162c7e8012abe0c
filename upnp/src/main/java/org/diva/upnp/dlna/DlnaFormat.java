package org.diva.upnp.dlna;

import java.util.Objects;
import java.util.Optional;

/**
 * How a stream is announced to DLNA renderers: its MIME type, its DLNA profile if one applies, and whether it is
 * the original file or a conversion.
 *
 * @param mimeType   what protocolInfo names and what the server must send as Content-Type (they must agree)
 * @param profile    DLNA.ORG_PN, omitted from the strings when empty
 * @param image      images are sent in DLNA's interactive transfer mode, audio and video in streaming mode
 * @param transcoded DLNA.ORG_CI=1 and no byte seeking (OP=00), for output made on the fly
 */
public record DlnaFormat(String mimeType, Optional<String> profile, boolean image, boolean transcoded) {
    /** Streaming transfer, background transfer, connection stalling, DLNA 1.5 (bits 24, 22, 21, 20). */
    static final String STREAMING_FLAGS = "01700000000000000000000000000000";
    /** Interactive transfer, background transfer, DLNA 1.5 (bits 23, 22, 20): DLNA's mode for images. */
    static final String INTERACTIVE_FLAGS = "00D00000000000000000000000000000";

    public DlnaFormat {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(profile, "profile");
    }

    /**
     * The fourth field of protocolInfo, also the value of the {@code contentFeatures.dlna.org} header sent with
     * the stream when a client asks with {@code getcontentFeatures.dlna.org: 1}.
     */
    public String contentFeatures() {
        StringBuilder features = new StringBuilder();
        profile.ifPresent(pn -> features.append("DLNA.ORG_PN=").append(pn).append(';'));
        features.append(transcoded ? "DLNA.ORG_OP=00;DLNA.ORG_CI=1;" : "DLNA.ORG_OP=01;DLNA.ORG_CI=0;");
        features.append("DLNA.ORG_FLAGS=").append(image ? INTERACTIVE_FLAGS : STREAMING_FLAGS);
        return features.toString();
    }

    /**
     * The fourth field of protocolInfo (and {@code contentFeatures.dlna.org}) for this stream made on the fly:
     * DLNA.ORG_CI=1, and DLNA.ORG_OP=10 when the server seeks it by time (TimeSeekRange.dlna.org), since a
     * stream being made has no byte offsets to seek to (OP=00 otherwise).
     */
    public String convertedContentFeatures(boolean timeSeek) {
        StringBuilder features = new StringBuilder();
        profile.ifPresent(pn -> features.append("DLNA.ORG_PN=").append(pn).append(';'));
        features.append(timeSeek ? "DLNA.ORG_OP=10;" : "DLNA.ORG_OP=00;").append("DLNA.ORG_CI=1;");
        features.append("DLNA.ORG_FLAGS=").append(STREAMING_FLAGS);
        return features.toString();
    }

    /** {@code http-get:*:MIME:contentFeatures}, for a {@code res} element's protocolInfo. */
    public String protocolInfo() {
        return "http-get:*:" + mimeType + ":" + contentFeatures();
    }

    /** The same stream made on the fly (DLNA.ORG_CI=1). */
    public DlnaFormat asTranscoded() {
        return new DlnaFormat(mimeType, profile, image, true);
    }
}
