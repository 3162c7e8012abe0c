package org.diva.server.catalogue;

import java.nio.file.Path;
import java.util.Objects;
import org.diva.transcode.probe.MediaKind;

/**
 * Where a media file is and what the file system says of it: enough to tell whether it changed since the last
 * scan, without reading it.
 *
 * @param root     the media folder it was found under
 * @param path     its absolute path
 * @param folder   its folder relative to root, with '/' separators ('' at the top)
 * @param kind     the kind its extension promises (the probe may correct it)
 * @param sidecars external subtitle files beside it, names joined by '/' (empty if none)
 */
public record FileFacts(Path root, Path path, String folder, MediaKind kind, long size, long modified,
                        String sidecars) {
    public FileFacts {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sidecars, "sidecars");
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    /** Whether the catalogue's row for this path is stale. */
    public boolean differsFrom(KnownFile known) {
        return known.size() != size || known.modified() != modified || !known.sidecars().equals(sidecars);
    }
}
