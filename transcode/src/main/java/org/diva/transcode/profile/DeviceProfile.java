package org.diva.transcode.profile;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of device: how to recognise it, what it plays and how it wants DLNA spoken.
 *
 * @param id          lower-case letters, digits and dashes ("samsung-tv"); what users pin and the API names
 * @param name        what the dashboard shows ("Samsung TV")
 * @param priority    breaks ties between profiles that recognise a client equally well (higher wins), so that a
 *                    catch-all such as "any browser" yields to a console whose user agent also says Mozilla
 * @param recognition how to tell it
 * @param plays       what it plays as it is
 * @param quirks      its DLNA quirks
 */
public record DeviceProfile(String id, String name, int priority, Recognition recognition, Capabilities plays,
                            Quirks quirks) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_ID_LENGTH = 64;

    public DeviceProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(recognition, "recognition");
        Objects.requireNonNull(plays, "plays");
        Objects.requireNonNull(quirks, "quirks");
        if (!isValidId(id)) {
            throw new IllegalArgumentException("a profile id is lower-case letters, digits and single dashes, at "
                    + "most " + MAX_ID_LENGTH + " characters (like samsung-tv), not '" + id + "'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
    }

    public static boolean isValidId(String id) {
        return id.length() <= MAX_ID_LENGTH && ID.matcher(id).matches();
    }
}
