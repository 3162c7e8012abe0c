package org.diva.transcode.pipeline;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.diva.transcode.video.EncoderSettings;

/**
 * What one converted stream is made of: which input streams go in, and whether each is copied or re-encoded.
 * It is what a play decision becomes once the file's streams are known.
 *
 * @param video      which of the input's video streams (0: the first), if the output has video
 * @param videoCodec empty: copy the video as it is; present: encode it to H.264 with these settings
 * @param audio      which of the input's audio streams (0: the first), if the output has audio
 * @param audioCodec empty: copy the audio; present: convert it to this target
 */
public record StreamPlan(OptionalInt video, Optional<EncoderSettings> videoCodec, OptionalInt audio,
                         Optional<AudioTarget> audioCodec) {
    public StreamPlan {
        Objects.requireNonNull(videoCodec, "videoCodec");
        Objects.requireNonNull(audioCodec, "audioCodec");
        if (video.isEmpty() && audio.isEmpty()) {
            throw new IllegalArgumentException("a stream needs video or audio");
        }
        if ((video.isEmpty() && videoCodec.isPresent()) || (audio.isEmpty() && audioCodec.isPresent())) {
            throw new IllegalArgumentException("an encoding target for a stream that is not included");
        }
    }

    /** Copies both streams into a new container. */
    public static StreamPlan remux(OptionalInt video, OptionalInt audio) {
        return new StreamPlan(video, Optional.empty(), audio, Optional.empty());
    }

    /**
     * An audio conversion target.
     *
     * @param codec      the codec to produce (mp2)
     * @param sampleRate samples per second
     * @param channels   channel count
     * @param bitrate    bits per second
     */
    public record AudioTarget(String codec, int sampleRate, int channels, int bitrate) {
        public AudioTarget {
            Objects.requireNonNull(codec, "codec");
            if (sampleRate <= 0 || channels <= 0 || bitrate <= 0) {
                throw new IllegalArgumentException("bad audio target " + codec + " " + sampleRate + " Hz, "
                        + channels + " ch, " + bitrate + " b/s");
            }
        }
    }
}
