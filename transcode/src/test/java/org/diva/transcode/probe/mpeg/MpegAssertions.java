package org.diva.transcode.probe.mpeg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diva.transcode.probe.CountingChannel;
import org.diva.transcode.probe.MediaInfo;

/** Assertions the MPEG-TS and MPEG-PS probe tests share. */
final class MpegAssertions {
    /** How far a duration may be from the span ffprobe -show_packets gives. */
    private static final long DURATION_TOLERANCE_MS = 20;

    private MpegAssertions() {
    }

    static void assertDuration(long expectedMillis, MediaInfo info) {
        long actual = info.durationMillis().orElseThrow(() -> new AssertionError("no duration"));
        assertTrue(Math.abs(actual - expectedMillis) <= DURATION_TOLERANCE_MS,
                "duration " + actual + " ms, expected " + expectedMillis + " ms");
    }

    /** The probe read the head, the tail and the search for the first packet, not the body between. */
    static void assertReadOnlyHeadAndTail(CountingChannel channel) {
        assertTrue(channel.bytesRead() <= MpegProbing.HEAD_LIMIT + MpegProbing.TAIL_LENGTH
                + MpegProbing.START_SEARCH + 4096, "read " + channel.bytesRead());
    }
}
