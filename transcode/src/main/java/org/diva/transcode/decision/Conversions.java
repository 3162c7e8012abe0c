package org.diva.transcode.decision;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.VideoTrack;
import org.diva.transcode.profile.DeviceProfile;

/**
 * What DiVA's own pipeline can do, which bounds every remux and transcode: the containers it demuxes, the
 * containers it writes with the codecs each carries, the decoders it has and what it encodes to.
 *
 * @param demuxes       containers it reads for conversion
 * @param outputs       what it writes, preferred first: MPEG-TS, which plays while it is made, then MP4 for devices
 *                      that do not open MPEG-TS
 * @param videoDecoders video codecs it decodes (H.264 only progressive and 8-bit, see {@link #whyNotDecodable})
 * @param audioDecoders audio codecs it decodes
 * @param audioEncoder  the codec it encodes audio to
 * @param audioEncoderChannels the most channels that encoder writes
 */
public record Conversions(Set<String> demuxes, List<OutputFormat> outputs, Set<String> videoDecoders,
                          Set<String> audioDecoders, String audioEncoder, int audioEncoderChannels) {
    public Conversions {
        demuxes = Set.copyOf(demuxes);
        outputs = List.copyOf(outputs);
        videoDecoders = Set.copyOf(videoDecoders);
        audioDecoders = Set.copyOf(audioDecoders);
        Objects.requireNonNull(audioEncoder, "audioEncoder");
        if (audioEncoderChannels < 1) {
            throw new IllegalArgumentException("audioEncoderChannels must be positive");
        }
    }

    /**
     * DiVA's pipeline: H.264, MPEG-2 and MPEG-4 Part 2 decoded to H.264; AAC and MP3 decoded to MP2 stereo; its
     * MPEG-TS muxer (ISO/IEC 13818-1 stream types) and its MP4 muxer (ISO/IEC 14496-14 sample entries).
     */
    public static Conversions diva() {
        return new Conversions(Set.of("mp4", "mov", "matroska", "webm", "mpegts", "m2ts", "mpegps", "avi"),
                List.of(new OutputFormat("mpegts", Set.of("h264", "hevc", "mpeg2video", "mpeg1video"),
                                Set.of("aac", "ac3", "eac3", "mp2", "mp3"), false),
                        new OutputFormat("mp4", Set.of("h264"), Set.of("aac", "ac3", "mp2", "mp3"), true)),
                Set.of("h264", "mpeg2video", "mpeg4"),
                Set.of("aac", "mp3"), "mp2", 2);
    }

    /** What a device gets converted output in: the first of {@link #outputs} it opens, if it opens any. */
    public Optional<OutputFormat> outputFor(DeviceProfile device) {
        return outputs.stream().filter(o -> device.plays().takesContainer(o.container())).findFirst();
    }

    /** Why this video cannot be converted, if it cannot. */
    public Optional<String> whyNotDecodable(VideoTrack video) {
        if (!videoDecoders.contains(video.codec())) {
            return Optional.of("DiVA cannot convert " + Names.codec(video.codec()) + " video");
        }
        if (video.codec().equals("h264")) {
            int bits = video.bitDepth().orElse(video.profile().filter(p -> p.startsWith("High 10")).isPresent() ? 10 : 8);
            if (bits > 8) {
                return Optional.of("DiVA cannot convert " + bits + "-bit H.264; it converts 8-bit H.264 only");
            }
            if (video.profile().filter(p -> p.matches("High 4:[24]:[24].*")).isPresent()) {
                return Optional.of("DiVA cannot convert H.264 " + video.profile().get()
                        + "; it converts 4:2:0 H.264 only");
            }
            if (video.interlaced()) {
                return Optional.of("DiVA cannot convert interlaced H.264; it converts progressive H.264 only");
            }
        }
        return Optional.empty();
    }

    /** Why this audio cannot be converted, if it cannot. */
    public Optional<String> whyNotDecodable(AudioTrack audio) {
        return audioDecoders.contains(audio.codec()) ? Optional.empty()
                : Optional.of("DiVA has no " + Names.codec(audio.codec()) + " decoder to convert the audio");
    }
}
