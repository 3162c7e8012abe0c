package org.diva.server.pool.sharing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The household's shared folders resolved against its media folders. A share is found under the longest media
 * folder that contains it, so that its items can be selected by the catalogue's indexed root and relative folder
 * columns rather than by a scan of absolute paths.
 */
public final class SharedFolders {
    private final List<Share> shares;

    private SharedFolders(List<Share> shares) {
        this.shares = List.copyOf(shares);
    }

    /**
     * @param shares     the folders the household shares ({@code PoolSettings.shares()})
     * @param mediaDirs  the media folders the catalogue scans
     * @throws IllegalArgumentException naming a share that lies in no media folder (nothing would be found there)
     */
    public static SharedFolders of(List<Path> shares, List<Path> mediaDirs) {
        List<Share> resolved = new ArrayList<>();
        for (Path share : shares) {
            Path wanted = share.toAbsolutePath().normalize();
            Path root = null;
            for (Path dir : mediaDirs) {
                Path media = dir.toAbsolutePath().normalize();
                if (wanted.startsWith(media) && (root == null || media.getNameCount() > root.getNameCount())) {
                    root = dir;
                }
            }
            if (root == null) {
                throw new IllegalArgumentException("shared folder " + share + " is not inside a media folder "
                        + mediaDirs + "; share a media folder or a folder inside one");
            }
            String folder = root.toAbsolutePath().normalize().relativize(wanted).toString().replace('\\', '/');
            Path name = wanted.getFileName();
            Share made = new Share(key(wanted), name == null ? wanted.toString() : name.toString(), root, folder);
            if (resolved.stream().noneMatch(s -> s.key().equals(made.key()))) {
                resolved.add(made);
            }
        }
        return new SharedFolders(resolved);
    }

    public List<Share> all() {
        return shares;
    }

    public Optional<Share> byKey(String key) {
        return shares.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The first share that covers an item of {@code root} in {@code folder}, if any does. */
    public Optional<Share> covering(Path root, String folder) {
        return shares.stream().filter(s -> s.covers(root, folder)).findFirst();
    }

    /** The start of the share path's SHA-256: stable across restarts, and it does not show the path. */
    private static String key(Path share) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(share.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
