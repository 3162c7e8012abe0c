package org.diva.transcode.codec;

import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Finds the first trustworthy frame header of an audio stream that has a sync word but no container framing
 * (ADTS, AC-3, MPEG audio). A sync word is only 11 to 16 bits, so a header is believed only when the next frame
 * starts exactly where this one says it ends, the way ffmpeg's parsers and mp3 players confirm a sync.
 */
final class FrameScan {
    private FrameScan() {
    }

    /** Parses a header at a position; empty when the bytes there are not a valid header. */
    interface Parser<H> {
        Optional<H> parse(byte[] data, int offset, int limit);
    }

    /**
     * @param length         how many bytes of {@code data} are valid
     * @param endIsBoundary  whether the data ends where the stream ends (then a last frame that fills the data
     *                       exactly counts as confirmed); otherwise a header without a following one in the data
     *                       is left for a later call with more data
     * @param frameLength    the frame size in bytes a header declares (positive)
     * @param sameStream     whether two headers belong to the same stream (sample rate, channels, ...)
     */
    static <H> Optional<H> find(byte[] data, int length, boolean endIsBoundary, Parser<H> parser,
                                ToIntFunction<H> frameLength, BiPredicate<H, H> sameStream) {
        return find(data, length, endIsBoundary, parser, frameLength, sameStream, h -> true);
    }

    /** As {@link #find}, returning only a header that {@code wanted} accepts (others may still confirm it). */
    static <H> Optional<H> find(byte[] data, int length, boolean endIsBoundary, Parser<H> parser,
                                ToIntFunction<H> frameLength, BiPredicate<H, H> sameStream, Predicate<H> wanted) {
        int limit = Math.min(length, data.length);
        int at = position(data, limit, endIsBoundary, parser, frameLength, sameStream, wanted);
        return at < 0 ? Optional.empty() : parser.parse(data, at, limit);
    }

    /**
     * Counts the samples in the complete frames that follow each other from the first confirmed header on, for the
     * playing time of a stream's last bytes. Stops at the first gap.
     */
    static <H> long countSamples(byte[] data, int length, Parser<H> parser, ToIntFunction<H> frameLength,
                                 ToIntFunction<H> samplesPerFrame, BiPredicate<H, H> sameStream) {
        int limit = Math.min(length, data.length);
        long position = position(data, limit, true, parser, frameLength, sameStream, h -> true);
        long samples = 0;
        while (position >= 0 && position < limit) {
            Optional<H> h = parser.parse(data, (int) position, limit);
            if (h.isEmpty() || position + frameLength.applyAsInt(h.get()) > limit) {
                break;
            }
            samples += samplesPerFrame.applyAsInt(h.get());
            position += frameLength.applyAsInt(h.get());
        }
        return samples;
    }

    private static <H> int position(byte[] data, int limit, boolean endIsBoundary, Parser<H> parser,
                                    ToIntFunction<H> frameLength, BiPredicate<H, H> sameStream,
                                    Predicate<H> wanted) {
        for (int i = 0; i + 1 < limit; i++) {
            Optional<H> header = parser.parse(data, i, limit);
            if (header.isEmpty() || !wanted.test(header.get())) {
                continue;
            }
            long next = (long) i + frameLength.applyAsInt(header.get());
            if (next == limit && endIsBoundary) {
                return i;
            }
            if (next < limit) {
                Optional<H> following = parser.parse(data, (int) next, limit);
                if (following.isPresent() && sameStream.test(header.get(), following.get())) {
                    return i;
                }
            }
        }
        return -1;
    }
}
