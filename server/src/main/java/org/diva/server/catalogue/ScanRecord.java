package org.diva.server.catalogue;

import java.time.Instant;
import java.util.Optional;

/** A scan as recorded: a scan with no finish time was interrupted (crash, kill -9, power cut). */
public record ScanRecord(long id, Instant started, Optional<Instant> finished, int files, int added, int changed,
                         int removed, int failed) {
}
