package org.diva.transcode.pipeline;

import java.util.Optional;
import java.util.OptionalInt;

import org.diva.transcode.decision.AudioTarget;
import org.diva.transcode.decision.Target;
import org.diva.transcode.decision.VideoTarget;
import org.diva.transcode.video.EncoderSettings;

/** Turns a play decision's target into the pipeline's plan: which tracks, and copied or encoded to what. */
public final class StreamPlans {
    /** When the source states no frame rate (some MPEG-TS/Matroska files): PAL's, the commonest in such files. */
    static final double DEFAULT_FRAME_RATE = 25;
    /** Seconds between keyframes of encoded video: short GOPs make time seeks land close and parallelise well. */
    static final double GOP_SECONDS = 2;
    /** Bits per pixel per frame when the decision states no bitrate (H.264 at that looks fine on a TV). */
    static final double BITS_PER_PIXEL = 0.2;
    static final int MP2_BITRATE_STEREO = 192_000;
    static final int MP2_BITRATE_MONO = 96_000;

    private StreamPlans() {
    }

    public static StreamPlan of(Target target) {
        OptionalInt video = target.video().map(v -> OptionalInt.of(v.track())).orElse(OptionalInt.empty());
        OptionalInt audio = target.audio().map(a -> OptionalInt.of(a.track())).orElse(OptionalInt.empty());
        Optional<EncoderSettings> encode = target.video().filter(v -> !v.copy()).map(StreamPlans::encoder);
        Optional<StreamPlan.AudioTarget> convert = target.audio().filter(a -> !a.copy()).map(StreamPlans::audio);
        return new StreamPlan(video, encode, audio, convert);
    }

    private static EncoderSettings encoder(VideoTarget v) {
        double fps = v.frameRate().orElse(DEFAULT_FRAME_RATE);
        long bitrate = v.bitrate().orElse(Math.round(v.width() * v.height() * fps * BITS_PER_PIXEL));
        return new EncoderSettings(v.width(), v.height(), fps, bitrate, (int) Math.max(1, Math.round(fps
                * GOP_SECONDS)));
    }

    private static StreamPlan.AudioTarget audio(AudioTarget a) {
        int channels = Math.min(2, a.channels().orElse(2));
        int bitrate = (int) a.bitrate().orElse(channels == 1 ? MP2_BITRATE_MONO : MP2_BITRATE_STEREO);
        return new StreamPlan.AudioTarget(a.codec(), a.sampleRate().orElse(48_000), channels, bitrate);
    }
}
