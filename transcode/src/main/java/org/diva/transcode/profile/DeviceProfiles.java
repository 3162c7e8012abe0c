package org.diva.transcode.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profiles DiVA knows: the built-ins (YAML resources beside this class), then every {@code *.yaml} in the
 * household's profile folder, each replacing a built-in of the same id whole or adding a new device. A user file
 * that cannot be read is reported in {@link #problems()} and skipped, so a typo never stops DiVA from starting.
 * Immutable once loaded.
 */
public final class DeviceProfiles {
    /** The profile for clients nothing recognises: a plain DLNA 1.5 TV. */
    public static final String FALLBACK = "generic-dlna";
    /** The built-in profiles, in the order they are listed. */
    static final List<String> BUILT_INS = List.of("generic-dlna", "samsung-tv", "lg-tv", "sony-bravia",
            "panasonic-tv", "xbox", "playstation", "vlc", "kodi", "android", "browser", "sd-tv");

    private final Map<String, DeviceProfile> byId;
    private final Map<String, String> sources;
    private final List<String> problems;

    private DeviceProfiles(Map<String, DeviceProfile> byId, Map<String, String> sources, List<String> problems) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        this.sources = Map.copyOf(sources);
        this.problems = List.copyOf(problems);
        if (!byId.containsKey(FALLBACK)) {
            throw new IllegalStateException("there must be a profile '" + FALLBACK + "' for unknown devices");
        }
    }

    /** The built-ins alone. A broken built-in is a bug in DiVA, so it fails loudly. */
    public static DeviceProfiles builtIn() {
        ProfileReader reader = new ProfileReader();
        Map<String, DeviceProfile> profiles = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String id : BUILT_INS) {
            String resource = id + ".yaml";
            try (InputStream in = DeviceProfiles.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in profile " + resource + " is missing");
                }
                DeviceProfile profile = reader.read("built-in " + resource,
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (!profile.id().equals(id)) {
                    throw new IllegalStateException("built-in " + resource + " says id " + profile.id());
                }
                profiles.put(id, profile);
                sources.put(id, "built-in");
            } catch (IOException | InvalidProfileException e) {
                throw new IllegalStateException("built-in profile " + resource + " is broken: " + e.getMessage(), e);
            }
        }
        return new DeviceProfiles(profiles, sources, List.of());
    }

    /**
     * The built-ins with the household's files in {@code folder} applied, in file-name order; a folder that does
     * not exist holds none.
     */
    public static DeviceProfiles load(Path folder) {
        DeviceProfiles builtIn = builtIn();
        Map<String, DeviceProfile> profiles = new LinkedHashMap<>(builtIn.byId);
        Map<String, String> sources = new LinkedHashMap<>(builtIn.sources);
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return builtIn;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> yamlFiles = Files.newDirectoryStream(folder, "*.{yaml,yml}")) {
            yamlFiles.forEach(files::add);
        } catch (IOException e) {
            problems.add(folder + ": cannot list the profile folder: " + e.getMessage());
        }
        files.sort(null);
        ProfileReader reader = new ProfileReader();
        Map<String, Path> userFiles = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                if (Files.size(file) > ProfileReader.MAX_BYTES) {
                    throw new InvalidProfileException(file + ": is " + Files.size(file) + " bytes long; a profile "
                            + "is at most " + ProfileReader.MAX_BYTES);
                }
                DeviceProfile profile = reader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                Path earlier = userFiles.put(profile.id(), file);
                if (earlier != null) {
                    problems.add(file + ": id " + profile.id() + " is also defined by " + earlier.getFileName()
                            + "; " + name + " wins, as it comes later by name");
                }
                profiles.put(profile.id(), profile);
                sources.put(profile.id(), name);
            } catch (InvalidProfileException e) {
                problems.add(e.getMessage() + " (file skipped)");
            } catch (IOException | RuntimeException e) { // unreadable or not UTF-8: skipped like a bad file
                problems.add(file + ": cannot be read: " + e.getMessage() + " (file skipped)");
            }
        }
        return new DeviceProfiles(profiles, sources, problems);
    }

    /** Every profile: the built-ins in their order, then the household's new ones. */
    public List<DeviceProfile> all() {
        return List.copyOf(byId.values());
    }

    public Optional<DeviceProfile> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public DeviceProfile fallback() {
        return byId.get(FALLBACK);
    }

    /** Where a profile comes from: "built-in" or the name of the household's file. */
    public String source(String id) {
        return sources.getOrDefault(id, "unknown");
    }

    /** What was wrong with the household's files, one message per skipped file; empty when all were read. */
    public List<String> problems() {
        return problems;
    }
}
