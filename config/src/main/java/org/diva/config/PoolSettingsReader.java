package org.diva.config;

import static org.diva.config.SettingsLoader.checkFolder;
import static org.diva.config.SettingsLoader.describe;
import static org.diva.config.SettingsLoader.integer;
import static org.diva.config.SettingsLoader.onOff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Binds the neighbourhood pool's settings, with {@link SettingsLoader}'s checks and way of saying what is wrong. */
final class PoolSettingsReader {
    private final SettingsLoader loader;

    PoolSettingsReader(SettingsLoader loader) {
        this.loader = loader;
    }

    PoolSettings read(Map<Key, RawValue> raw, List<Path> media) throws SettingsException {
        int poolPort = raw.containsKey(Key.POOL_PORT) ? integer(Key.POOL_PORT, raw, 0, 65_534)
                : PoolSettings.DEFAULT_POOL_PORT;
        List<Path> shares = new ArrayList<>();
        if (raw.containsKey(Key.SHARE)) {
            for (String value : raw.get(Key.SHARE).values()) {
                Path dir = loader.path(Key.SHARE, value, raw.get(Key.SHARE).origin());
                checkFolder("shared folder", dir, raw.get(Key.SHARE).origin());
                if (media.stream().noneMatch(dir::startsWith)) {
                    throw new SettingsException("shared folder " + dir + " (from " + raw.get(Key.SHARE).origin()
                            + ") is not one of the media folders nor inside one (" + (media.isEmpty() ? "none"
                            : media.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElseThrow())
                            + "): DiVA shares only what it indexes; add it with --media too");
                }
                if (!shares.contains(dir)) {
                    shares.add(dir);
                }
            }
        }
        long upload = raw.containsKey(Key.UPLOAD_LIMIT) ? integer(Key.UPLOAD_LIMIT, raw, 64, 10_000_000) * 1000L / 8
                : PoolSettings.DEFAULT_UPLOAD_BYTES_PER_SECOND;
        long cache = raw.containsKey(Key.POOL_CACHE) ? ((long) integer(Key.POOL_CACHE, raw, 0, 1 << 20)) << 30
                : PoolSettings.DEFAULT_CACHE_BYTES;
        Optional<String> host = Optional.empty();
        if (raw.containsKey(Key.EXTERNAL_HOST)) {
            String text = raw.get(Key.EXTERNAL_HOST).single().strip();
            if (!text.matches("[A-Za-z0-9.:\\-\\[\\]]{1,253}")) {
                throw new SettingsException(describe(Key.EXTERNAL_HOST, raw) + " is '" + text
                        + "': give a host name or an IP address such as 203.0.113.7");
            }
            host = Optional.of(text);
        }
        OptionalInt externalPort = raw.containsKey(Key.EXTERNAL_PORT)
                ? OptionalInt.of(integer(Key.EXTERNAL_PORT, raw, 1, 65_534)) : OptionalInt.empty();
        boolean mapping = !raw.containsKey(Key.PORT_MAPPING) || onOff(Key.PORT_MAPPING, raw);
        return new PoolSettings(poolPort, shares, upload, cache, host, externalPort, mapping);
    }
}
