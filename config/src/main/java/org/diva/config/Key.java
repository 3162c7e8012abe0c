package org.diva.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting DiVA knows. One name serves all sources: {@code port} is {@code --port} on the command line,
 * {@code port:} in the YAML file and {@code DIVA_PORT} in the environment.
 */
public enum Key {
    NAME("name", false, "NAME", "friendly name shown on TVs"),
    DATA("data", false, "DIR", "database, identity and caches"),
    PORT("port", false, "N", "HTTP port; 0 picks a free one"),
    MEDIA("media", true, "DIR", "a folder to index (repeatable)"),
    INTERFACE("interface", true, "NAME",
            "network interface for UPnP/DLNA discovery (repeatable); default: every usable one"),
    UPNP("upnp", false, "on|off", "announce DiVA to TVs and renderers with UPnP/DLNA; default: on"),
    RESCAN_INTERVAL("rescan-interval", false, "DURATION",
            "periodic full rescan, e.g. 30m or 6h; 0 turns it off"),
    SCAN_THREADS("scan-threads", false, "N", "threads probing files; default: one per core"),
    CONVERSIONS("conversions", false, "N",
            "streams remuxed or transcoded at once for devices that need it; default: 2"),
    STREAM_STORE("stream-store", false, "GB",
            "disk kept for finished conversions so a second viewer costs nothing; default: 20, 0 keeps none"),
    CONFIG("config", false, "FILE", "YAML settings file");

    private final String name;
    private final boolean repeatable;
    private final String placeholder;
    private final String description;

    Key(String name, boolean repeatable, String placeholder, String description) {
        this.name = name;
        this.repeatable = repeatable;
        this.placeholder = placeholder;
        this.description = description;
    }

    /** The name in the YAML file and, with two dashes, on the command line. */
    public String settingName() {
        return name;
    }

    public String option() {
        return "--" + name;
    }

    public String environmentName() {
        return "DIVA_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public boolean repeatable() {
        return repeatable;
    }

    /**
     * What separates the values of a list setting in one environment variable: the platform's path separator for
     * folders (which may hold commas), a comma for names (Linux interface aliases such as {@code eth0:1} hold
     * colons).
     */
    String environmentSeparator(String pathSeparator) {
        return this == MEDIA ? pathSeparator : ",";
    }

    public String placeholder() {
        return placeholder;
    }

    public String description() {
        return description;
    }

    public static Optional<Key> bySettingName(String name) {
        return Arrays.stream(values()).filter(k -> k.name.equals(name)).findFirst();
    }

    public static Optional<Key> byEnvironmentName(String name) {
        return Arrays.stream(values()).filter(k -> k.environmentName().equals(name)).findFirst();
    }

    static String knownNames() {
        return String.join(", ", Arrays.stream(values()).map(Key::settingName).toList());
    }
}
