package org.diva.server.catalogue;

import java.util.Objects;
import java.util.Optional;
import org.diva.transcode.probe.Probed;

/** A scanned file and what probing it gave: metadata, or the reason it could not be read. */
public record ProbeOutcome(FileFacts file, Optional<Probed> probed, Optional<String> failure) {
    public ProbeOutcome {
        Objects.requireNonNull(file, "file");
        if (probed.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("exactly one of probed and failure");
        }
    }

    public static ProbeOutcome ok(FileFacts file, Probed probed) {
        return new ProbeOutcome(file, Optional.of(probed), Optional.empty());
    }

    public static ProbeOutcome failed(FileFacts file, String reason) {
        return new ProbeOutcome(file, Optional.empty(), Optional.of(reason));
    }
}
