package org.diva.upnp.library;

import java.util.Objects;

/**
 * A folder of one media root, and whether what lies in its subfolders counts too.
 *
 * <p>SQL: {@code root = :root AND folder = :path} when not recursive; when recursive,
 * {@code root = :root AND (folder = :path OR folder LIKE :path || '/%')}, or just {@code root = :root} for the
 * top ({@code path} '').
 *
 * @param rootKey   {@link MediaRoot#key()}
 * @param path      relative to the root, '/'-separated, '' for the root's top
 * @param recursive true to include everything below the folder, false for its own files only
 */
public record FolderScope(String rootKey, String path, boolean recursive) {
    public FolderScope {
        Objects.requireNonNull(rootKey, "rootKey");
        checkPath(path);
    }

    static void checkPath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            throw new IllegalArgumentException("folder paths are relative with no empty segments: '" + path + "'");
        }
    }

    /** Whether an item in {@code folder} of root {@code key} lies in this scope. */
    public boolean contains(String key, String folder) {
        if (!rootKey.equals(key)) {
            return false;
        }
        if (folder.equals(path)) {
            return true;
        }
        return recursive && (path.isEmpty() || folder.startsWith(path + "/"));
    }
}
