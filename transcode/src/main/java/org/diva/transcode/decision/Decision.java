package org.diva.transcode.decision;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The play decision for one file and one device.
 *
 * @param mode    how the device gets the file
 * @param target  what it gets; empty when {@link Mode#UNSUPPORTED}
 * @param reasons why, in words a household reads, most important first
 */
public record Decision(Mode mode, Optional<Target> target, List<String> reasons) {
    public Decision {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(target, "target");
        reasons = List.copyOf(reasons);
        if (target.isPresent() == (mode == Mode.UNSUPPORTED)) {
            throw new IllegalArgumentException(mode + " " + (target.isPresent() ? "has no" : "needs a") + " target");
        }
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a decision says why");
        }
    }

    static Decision unsupported(List<String> reasons) {
        return new Decision(Mode.UNSUPPORTED, Optional.empty(), reasons);
    }
}
