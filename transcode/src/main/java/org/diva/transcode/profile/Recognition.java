package org.diva.transcode.profile;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to tell a device: regular expressions (found anywhere, case-insensitive) per field of what it says of
 * itself. Fields weigh by how much they say: X-AV-Client-Info and the model name name a device family, a
 * User-Agent is often a shared SDK's, the manufacturer alone is a whole catalogue and a friendly name is whatever
 * the household typed.
 */
public record Recognition(List<Pattern> userAgent, List<Pattern> avClientInfo, List<Pattern> friendlyName,
                          List<Pattern> manufacturer, List<Pattern> modelName, List<Pattern> modelNumber) {
    static final int USER_AGENT = 3;
    static final int AV_CLIENT_INFO = 4;
    static final int FRIENDLY_NAME = 1;
    static final int MANUFACTURER = 2;
    static final int MODEL_NAME = 3;
    static final int MODEL_NUMBER = 2;

    public Recognition {
        userAgent = List.copyOf(userAgent);
        avClientInfo = List.copyOf(avClientInfo);
        friendlyName = List.copyOf(friendlyName);
        manufacturer = List.copyOf(manufacturer);
        modelName = List.copyOf(modelName);
        modelNumber = List.copyOf(modelNumber);
    }

    /** Recognises nothing: a profile chosen only by pinning it to a device (or the fallback). */
    public static Recognition never() {
        return new Recognition(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** How strongly a client matches: the summed weight of the fields that match; 0 for no match. */
    public int score(ClientIdentity client) {
        return weigh(userAgent, client.userAgent(), USER_AGENT)
                + weigh(avClientInfo, client.avClientInfo(), AV_CLIENT_INFO)
                + weigh(friendlyName, client.friendlyName(), FRIENDLY_NAME)
                + weigh(manufacturer, client.manufacturer(), MANUFACTURER)
                + weigh(modelName, client.modelName(), MODEL_NAME)
                + weigh(modelNumber, client.modelNumber(), MODEL_NUMBER);
    }

    private static int weigh(List<Pattern> patterns, Optional<String> value, int weight) {
        return value.filter(v -> patterns.stream().anyMatch(p -> p.matcher(v).find())).isPresent() ? weight : 0;
    }

    /** Compiles a field's expressions the way every profile's are matched. */
    public static List<Pattern> compile(List<String> expressions) {
        return expressions.stream().map(e -> Pattern.compile(e, Pattern.CASE_INSENSITIVE)).toList();
    }

    /** The expressions as written, for listing a profile. */
    public static List<String> sources(List<Pattern> patterns) {
        return patterns.stream().map(Pattern::pattern).toList();
    }
}
