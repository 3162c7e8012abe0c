package org.diva.server.pool.sharing;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One shared folder as the catalogue stores it: the media folder ({@code root}) it lies in and its folder relative to
 * that root ({@code folder}, '/'-separated, '' when the share is the media folder itself).
 *
 * @param key  a short token naming the share to neighbours without showing its path
 * @param name what neighbours see: the folder's own name
 */
public record Share(String key, String name, Path root, String folder) {
    public Share {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(folder, "folder");
        if (folder.startsWith("/") || folder.endsWith("/")) {
            throw new IllegalArgumentException("a share's folder is relative and has no trailing '/': '" + folder + "'");
        }
    }

    /** Whether an item in {@code itemFolder} (relative to the same root) lies under this share. */
    boolean covers(Path itemRoot, String itemFolder) {
        return root.equals(itemRoot)
                && (folder.isEmpty() || itemFolder.equals(folder) || itemFolder.startsWith(folder + "/"));
    }

    /** {@code itemFolder} (relative to the root) as seen from the share: '' at the share's top. */
    String relative(String itemFolder) {
        if (folder.isEmpty()) {
            return itemFolder;
        }
        return itemFolder.equals(folder) ? "" : itemFolder.substring(folder.length() + 1);
    }

    /** A folder seen from the share ('' at its top) as the catalogue's folder relative to the root. */
    String absolute(String shareFolder) {
        if (shareFolder.isEmpty()) {
            return folder;
        }
        return folder.isEmpty() ? shareFolder : folder + "/" + shareFolder;
    }
}
