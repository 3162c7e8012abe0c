package org.diva.web.media;

import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The DLNA side of a media response (DLNA guidelines 7.4.1.3, 7.5.4.3): {@code contentFeatures.dlna.org} when a
 * client asks for it, {@code transferMode.dlna.org} checked against the modes the file's flags allow and echoed,
 * and {@code TimeSeekRange.dlna.org} refused with 406 where the file's operations say time seeking is not
 * offered (DiVA sends files as they are, and cannot map a time to a byte offset in them).
 */
final class DlnaHeaders {
    static final String GET_CONTENT_FEATURES = "getcontentFeatures.dlna.org";
    static final String CONTENT_FEATURES = "contentFeatures.dlna.org";
    static final String TRANSFER_MODE = "transferMode.dlna.org";
    static final String TIME_SEEK_RANGE = "TimeSeekRange.dlna.org";

    private static final int STREAMING = 1 << 24;
    private static final int INTERACTIVE = 1 << 23;
    private static final int BACKGROUND = 1 << 22;

    /** Why a DLNA request cannot be served as asked: the status and a message for the client's log. */
    record Refusal(int status, String message) {
    }

    private DlnaHeaders() {
    }

    /** Adds the DLNA response headers, or says why the request cannot be served. */
    static Optional<Refusal> apply(HttpFields request, HttpFields.Mutable response, ServedFile file) {
        String asked = request.get(GET_CONTENT_FEATURES);
        if (asked != null && !asked.strip().equals("1")) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST_400, GET_CONTENT_FEATURES + " must be 1"));
        }
        Optional<String> features = file.contentFeatures();
        if (asked != null && features.isPresent()) {
            response.put(CONTENT_FEATURES, features.get());
        }
        if (request.get(TIME_SEEK_RANGE) != null && !offersTimeSeek(features)) {
            return Optional.of(new Refusal(HttpStatus.NOT_ACCEPTABLE_406,
                    "time seeking is not offered for this file: seek with a byte Range instead"));
        }
        int flags = features.map(DlnaHeaders::flags).orElse(STREAMING | INTERACTIVE | BACKGROUND);
        String mode = request.get(TRANSFER_MODE);
        if (mode == null) {
            if (features.isPresent()) {
                response.put(TRANSFER_MODE, (flags & STREAMING) != 0 ? "Streaming" : "Interactive");
            }
            return Optional.empty();
        }
        String canonical = switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "streaming" -> (flags & STREAMING) != 0 ? "Streaming" : null;
            case "interactive" -> (flags & INTERACTIVE) != 0 ? "Interactive" : null;
            case "background" -> (flags & BACKGROUND) != 0 ? "Background" : null;
            default -> null;
        };
        if (canonical == null) {
            return Optional.of(new Refusal(HttpStatus.NOT_ACCEPTABLE_406,
                    "transfer mode '" + mode.strip() + "' is not offered for this file"));
        }
        response.put(TRANSFER_MODE, canonical);
        return Optional.empty();
    }

    /** DLNA.ORG_OP's first digit is time seek (the second is byte ranges). */
    private static boolean offersTimeSeek(Optional<String> features) {
        return features.map(f -> field(f, "DLNA.ORG_OP=")).filter(op -> op.length() == 2 && op.charAt(0) == '1')
                .isPresent();
    }

    /** The primary flags (the first 8 of DLNA.ORG_FLAGS' 32 hex digits); none stated means every mode. */
    private static int flags(String features) {
        String flags = field(features, "DLNA.ORG_FLAGS=");
        if (flags.length() < 8) {
            return STREAMING | INTERACTIVE | BACKGROUND;
        }
        try {
            return (int) Long.parseLong(flags.substring(0, 8), 16);
        } catch (NumberFormatException e) {
            return STREAMING | INTERACTIVE | BACKGROUND;
        }
    }

    private static String field(String features, String name) {
        for (String part : features.split(";")) {
            if (part.startsWith(name)) {
                return part.substring(name.length());
            }
        }
        return "";
    }
}
