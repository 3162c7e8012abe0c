package org.diva.server.api;

import java.time.Instant;
import java.util.Optional;

/** Wire form of {@code GET /api/v1/status}. */
public record StatusJson(String name, String version, String url, LibraryJson library) {

    /** The library's counts and the scan in progress or last finished. */
    public record LibraryJson(long items, boolean scanning, long failed, ProgressJson progress,
                              Optional<Instant> lastScanFinished) {
    }

    public record ProgressJson(int filesSeen, int toRead, int read) {
    }
}
