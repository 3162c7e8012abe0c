package org.diva.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@link Settings} from, lowest to highest precedence: built-in defaults, the YAML settings file, the
 * environment and the command line. The settings file is {@code --config FILE} (or {@code DIVA_CONFIG}); without
 * one, {@code diva.yaml} in the data directory is read if it exists.
 *
 * <p>Every problem becomes a {@link SettingsException} naming the setting, where its value came from and what
 * to do; the first one found is reported.
 */
public final class SettingsLoader {
    public static final String DEFAULT_FILE_NAME = "diva.yaml";
    public static final int DEFAULT_PORT = 8300;
    public static final Duration DEFAULT_RESCAN_INTERVAL = Duration.ofHours(6);
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private final Map<String, String> environment;
    private final String osName;
    private final String userHome;
    private final int processors;
    private final InterfaceNames interfaceNames;

    /** A loader that checks named network interfaces against this machine's. */
    public SettingsLoader(Map<String, String> environment, String osName, String userHome, int processors) {
        this(environment, osName, userHome, processors, InterfaceNames.ofThisMachine());
    }

    /** @param interfaceNames the machine's network interfaces, which {@code interface} settings must name */
    public SettingsLoader(Map<String, String> environment, String osName, String userHome, int processors,
                          InterfaceNames interfaceNames) {
        this.environment = Map.copyOf(environment);
        this.osName = osName;
        this.userHome = userHome;
        this.processors = processors;
        this.interfaceNames = interfaceNames;
    }

    /** A loader for this process: its environment, platform, core count and network interfaces. */
    public static SettingsLoader forThisProcess() {
        return new SettingsLoader(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."), Runtime.getRuntime().availableProcessors());
    }

    public Settings load(List<String> args) throws SettingsException {
        Map<Key, RawValue> cli = SettingsSources.fromCommandLine(args);
        Map<Key, RawValue> env = SettingsSources.fromEnvironment(environment, java.io.File.pathSeparator);

        Map<Key, RawValue> beforeFile = new EnumMap<>(Key.class);
        beforeFile.putAll(env);
        beforeFile.putAll(cli);
        Map<Key, RawValue> file = Map.of();
        if (beforeFile.containsKey(Key.CONFIG)) {
            RawValue config = beforeFile.get(Key.CONFIG);
            file = SettingsSources.fromYamlFile(path(Key.CONFIG, config.single(), config.origin()),
                    Optional.of(config.origin()));
        } else {
            Path dataDir = beforeFile.containsKey(Key.DATA)
                    ? path(Key.DATA, beforeFile.get(Key.DATA).single(), beforeFile.get(Key.DATA).origin())
                    : DefaultLocations.dataDir(environment, osName, userHome);
            // A data directory that is not a folder holds no settings file; checkDataDir says what is wrong.
            if (Files.isDirectory(dataDir)) {
                file = SettingsSources.fromYamlFile(dataDir.resolve(DEFAULT_FILE_NAME), Optional.empty());
            }
        }

        Map<Key, RawValue> merged = new EnumMap<>(Key.class);
        merged.putAll(file);
        merged.putAll(env);
        merged.putAll(cli);
        return bind(merged);
    }

    private Settings bind(Map<Key, RawValue> raw) throws SettingsException {
        String name = Optional.ofNullable(raw.get(Key.NAME)).map(RawValue::single).map(String::strip)
                .orElseGet(DefaultLocations::serverName);
        if (name.isEmpty() || name.length() > ServerSettings.MAX_NAME_LENGTH) {
            throw new SettingsException(describe(Key.NAME, raw) + " must be 1 to " + ServerSettings.MAX_NAME_LENGTH
                    + " characters (TVs show it); it has " + name.length());
        }
        Path dataDir = raw.containsKey(Key.DATA)
                ? path(Key.DATA, raw.get(Key.DATA).single(), raw.get(Key.DATA).origin())
                : DefaultLocations.dataDir(environment, osName, userHome);
        checkDataDir(dataDir, raw);

        int port = raw.containsKey(Key.PORT) ? integer(Key.PORT, raw, 0, 65_535) : DEFAULT_PORT;
        List<Path> media = new ArrayList<>();
        if (raw.containsKey(Key.MEDIA)) {
            for (String value : raw.get(Key.MEDIA).values()) {
                Path dir = path(Key.MEDIA, value, raw.get(Key.MEDIA).origin());
                checkMediaDir(dir, raw.get(Key.MEDIA).origin());
                if (!media.contains(dir)) {
                    media.add(dir);
                }
            }
        }
        Duration rescan = raw.containsKey(Key.RESCAN_INTERVAL)
                ? duration(Key.RESCAN_INTERVAL, raw) : DEFAULT_RESCAN_INTERVAL;
        int threads = raw.containsKey(Key.SCAN_THREADS)
                ? integer(Key.SCAN_THREADS, raw, 1, 256) : Math.max(1, processors);
        List<String> interfaces = raw.containsKey(Key.INTERFACE) ? interfaces(raw.get(Key.INTERFACE)) : List.of();
        StreamSettings streams = new StreamSettings(raw.containsKey(Key.CONVERSIONS)
                ? integer(Key.CONVERSIONS, raw, 1, 64) : StreamSettings.DEFAULT_MAX_CONVERSIONS,
                raw.containsKey(Key.STREAM_STORE) ? ((long) integer(Key.STREAM_STORE, raw, 0, 1 << 20)) << 30
                        : StreamSettings.DEFAULT_STORE_BYTES);
        return new Settings(new ServerSettings(name, dataDir), new LibrarySettings(media, rescan, threads),
                new HttpSettings(port), new NetworkSettings(!raw.containsKey(Key.UPNP) || onOff(Key.UPNP, raw),
                interfaces), streams, new PoolSettingsReader(this).read(raw, media));
    }

    /** Each name must be one of this machine's interfaces; a typo would otherwise leave DiVA invisible to TVs. */
    private List<String> interfaces(RawValue raw) throws SettingsException {
        String prefix = "setting 'interface' (from " + raw.origin() + ")";
        List<String> known;
        try {
            known = interfaceNames.list();
        } catch (IOException e) {
            throw new SettingsException(prefix + " cannot be checked: this machine's network interfaces cannot be "
                    + "listed (" + e.getMessage() + "). Leave the setting out to use every usable interface");
        }
        List<String> names = new ArrayList<>();
        for (String value : raw.values()) {
            String name = value.strip();
            if (name.isEmpty()) {
                throw new SettingsException(prefix + " has an empty name: give an interface name such as "
                        + (known.isEmpty() ? "eth0" : known.get(0)) + ", or leave the setting out");
            }
            if (!known.contains(name)) {
                throw new SettingsException(prefix + " names '" + name + "', which this machine does not have; "
                        + "its network interfaces are: " + (known.isEmpty() ? "(none)" : String.join(", ", known))
                        + ". Give one of them, or leave the setting out to use every usable interface");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static void checkMediaDir(Path dir, String origin) throws SettingsException {
        checkFolder("media folder", dir, origin);
    }

    static void checkFolder(String what, Path dir, String origin) throws SettingsException {
        String prefix = what + " " + dir + " (from " + origin + ")";
        if (!Files.exists(dir)) {
            throw new SettingsException(prefix + " does not exist: create it or fix the path");
        }
        if (!Files.isDirectory(dir)) {
            throw new SettingsException(prefix + " is a file, not a folder: give the folder that holds the media");
        }
        if (!Files.isReadable(dir)) {
            throw new SettingsException(prefix + " cannot be read: give DiVA's user read permission");
        }
    }

    /** The data directory must exist or be creatable, and be writable: probed by writing a file. */
    private static void checkDataDir(Path dir, Map<Key, RawValue> raw) throws SettingsException {
        String prefix = "data directory " + dir + " (" + origin(Key.DATA, raw) + ")";
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new SettingsException(prefix + " is a file: choose a folder with --data");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-test", ".tmp");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new SettingsException(prefix + " is not writable: fix its permissions or choose another with "
                    + "--data");
        } catch (FileSystemException e) {
            throw new SettingsException(prefix + " cannot be used (" + Optional.ofNullable(e.getReason())
                    .orElse(e.getClass().getSimpleName()) + "): choose another with --data");
        } catch (IOException e) {
            throw new SettingsException(prefix + " cannot be used (" + e.getMessage()
                    + "): choose another with --data");
        }
    }

    static boolean onOff(Key key, Map<Key, RawValue> raw) throws SettingsException {
        String text = raw.get(key).single().strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new SettingsException(describe(key, raw) + " is '" + raw.get(key).single()
                    + "': write on or off");
        };
    }

    static int integer(Key key, Map<Key, RawValue> raw, int min, int max) throws SettingsException {
        String text = raw.get(key).single().strip();
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingsException(describe(key, raw) + " is '" + text + "', which is not a whole number from "
                + min + " to " + max + (key == Key.PORT ? " (0 picks a free port)" : ""));
    }

    /** Accepts 90s, 30m, 6h, 1d, a bare number of seconds, or ISO-8601 (PT30M). */
    static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE_DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        }
        return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
    }

    private static Duration duration(Key key, Map<Key, RawValue> raw) throws SettingsException {
        String text = raw.get(key).single();
        try {
            Duration d = parseDuration(text);
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            // reported below
        }
        throw new SettingsException(describe(key, raw) + " is '" + text
                + "', which is not a duration: write e.g. 90s, 30m, 6h or 1d (0 turns it off)");
    }

    static String describe(Key key, Map<Key, RawValue> raw) {
        return "setting '" + key.settingName() + "' (" + origin(key, raw) + ")";
    }

    private static String origin(Key key, Map<Key, RawValue> raw) {
        return raw.containsKey(key) ? "from " + raw.get(key).origin() : "default";
    }

    /** An empty path would resolve to the working directory, which is never what was meant. */
    Path path(Key key, String value, String origin) throws SettingsException {
        if (value.isBlank()) {
            throw new SettingsException("setting '" + key.settingName() + "' (from " + origin
                    + ") is empty: give a path, or leave the setting out");
        }
        return absolute(value);
    }

    private Path absolute(String path) {
        String expanded = path.startsWith("~/") || path.equals("~") ? userHome + path.substring(1) : path;
        return Path.of(expanded).toAbsolutePath().normalize();
    }

    /** The text {@code --help} prints. */
    public static String usage() {
        StringBuilder sb = new StringBuilder("Usage: diva [options]\n\nOptions (also settable as NAME: VALUE in the "
                + "settings file and as DIVA_NAME environment variables; the command line wins):\n");
        for (Key key : Key.values()) {
            sb.append(String.format("  %-28s %s%n", key.option() + " " + key.placeholder(), key.description()));
        }
        sb.append(String.format("  %-28s %s%n", "--help", "print this and exit"));
        sb.append(String.format("  %-28s %s%n", "--version", "print the version and exit"));
        return sb.toString();
    }
}
