package org.diva.transcode.thumbnail;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The time one file may take. Decoders are checked between stages (and photo decoding between rows, see
 * {@link PhotoDecoder}); a stage that cannot be interrupted, one H.264 frame, is bounded by the size limits instead.
 */
final class Deadline {
    private final InstantSource clock;
    private final Instant end;
    private final Duration budget;
    private final String file;

    Deadline(InstantSource clock, Duration budget, String file) {
        this.clock = clock;
        this.budget = budget;
        this.end = clock.instant().plus(budget);
        this.file = file;
    }

    boolean passed() {
        return clock.instant().isAfter(end);
    }

    /** @param stage what comes next, for the message ("decoding the keyframe at 0:12") */
    void check(String stage) throws ThumbnailException {
        if (passed()) {
            throw tooSlow(stage);
        }
    }

    ThumbnailException tooSlow(String stage) {
        return new ThumbnailException(ThumbnailException.Reason.TOO_SLOW, file + ": gave up before " + stage
                + ": a picture may take at most " + budget.toMillis() + " ms");
    }
}
