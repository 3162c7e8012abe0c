package org.diva.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to index and how.
 *
 * @param mediaDirs      folders to index, absolute and normalised
 * @param rescanInterval how often to rescan everything as a fallback to file-system watching; zero turns it off
 * @param scanThreads    threads probing files in parallel
 */
public record LibrarySettings(List<Path> mediaDirs, Duration rescanInterval, int scanThreads) {
    public LibrarySettings {
        mediaDirs = List.copyOf(mediaDirs);
        if (rescanInterval.isNegative()) {
            throw new IllegalArgumentException("negative rescan interval");
        }
        if (scanThreads < 1) {
            throw new IllegalArgumentException("scan threads must be at least 1");
        }
    }
}
