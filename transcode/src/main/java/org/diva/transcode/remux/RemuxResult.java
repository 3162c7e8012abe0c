package org.diva.transcode.remux;

/**
 * How a remux ended.
 *
 * @param outcome what stopped it
 * @param packets packets written
 * @param start   the source presentation time the output starts at (the keyframe sought; 0 from the start)
 */
public record RemuxResult(Outcome outcome, long packets, long start) {
    public enum Outcome {
        /** The source ended and the output was finished. */
        COMPLETED,
        /** Writing failed (the client went away); everything was released. */
        OUTPUT_FAILED
    }
}
