package org.diva.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Per-user defaults that depend on the platform: where data lives and what the server is called. */
final class DefaultLocations {
    private DefaultLocations() {
    }

    /** XDG on Linux and BSD, Application Support on macOS, LOCALAPPDATA on Windows. */
    static Path dataDir(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") && env.containsKey("LOCALAPPDATA")) {
            return Path.of(env.get("LOCALAPPDATA"), "DiVA");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "DiVA");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "diva");
        }
        return Path.of(userHome, ".local", "share", "diva");
    }

    static String serverName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            int dot = host.indexOf('.');
            host = dot > 0 ? host.substring(0, dot) : host;
            String name = "DiVA on " + host;
            return name.length() <= ServerSettings.MAX_NAME_LENGTH ? name : "DiVA";
        } catch (UnknownHostException e) {
            return "DiVA";
        }
    }
}
