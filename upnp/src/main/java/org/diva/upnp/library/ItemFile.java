package org.diva.upnp.library;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an item's file is and what the file system and the probe say of it.
 *
 * @param folder    its folder relative to the root, '/'-separated, '' at the top (never starts or ends with '/')
 * @param fileName  the file's name, without any folder
 * @param mimeType  the type the server sends it with, e.g. {@code video/mp4}
 * @param container the probe's container name: mp4, mov, matroska, webm, mpegts (188-byte packets), m2ts
 *                  (192-byte packets), mpegps, avi, mp3, flac, aac (ADTS), ogg, wav, asf, jpeg, png, heif
 */
public record ItemFile(MediaRoot root, String folder, String fileName, long size, Instant modified,
                       String mimeType, String container) {
    public ItemFile {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(container, "container");
        FolderScope.checkPath(folder);
        if (fileName.isEmpty() || fileName.contains("/")) {
            throw new IllegalArgumentException("not a file name: '" + fileName + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " for " + fileName);
        }
    }
}
