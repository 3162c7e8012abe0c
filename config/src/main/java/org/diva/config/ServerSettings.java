package org.diva.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Who this server is and where it keeps its state.
 *
 * @param name    the friendly name TVs show (UPnP limits it to 64 characters)
 * @param dataDir database, identity, caches and the default settings file
 */
public record ServerSettings(String name, Path dataDir) {
    public static final int MAX_NAME_LENGTH = 64;

    public ServerSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataDir, "dataDir");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be 1-" + MAX_NAME_LENGTH + " characters");
        }
    }
}
