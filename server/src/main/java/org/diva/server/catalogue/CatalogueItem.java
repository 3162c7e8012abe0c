package org.diva.server.catalogue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;

/** One catalogued file as stored. */
public record CatalogueItem(long id, Path path, String folder, String fileName, MediaKind kind, long size,
                            long modified, String sidecars, ItemStatus status, Optional<String> failure, String title,
                            Optional<MediaInfo> info, boolean hasArtwork, Instant added, Instant updated,
                            int version) {
}
