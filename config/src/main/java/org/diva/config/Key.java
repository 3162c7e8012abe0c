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
    POOL_PORT("pool-port", false, "N",
            "neighbourhood pool port (the peer HTTPS API uses the next one); default: 8310"),
    SHARE("share", true, "DIR", "a media folder shared with the neighbourhood pool (repeatable); default: none"),
    UPLOAD_LIMIT("upload-limit", false, "KBIT",
            "the most DiVA sends to all neighbours together, in kbit/s; default: 2000"),
    POOL_CACHE("pool-cache", false, "GB", "disk kept for neighbours' titles played here; default: 20, 0 keeps none"),
    EXTERNAL_HOST("external-host", false, "HOST",
            "the address neighbours reach this server at, for ports forwarded by hand; default: the router's"),
    EXTERNAL_PORT("external-port", false, "N",
            "the pool port forwarded by hand on the router (the peer port is the next); default: the pool port"),
    PORT_MAPPING("port-mapping", false, "on|off", "ask the router (UPnP IGD) to forward the pool ports; default: on"),
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
        return this == MEDIA || this == SHARE ? pathSeparator : ",";
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
