package org.diva.transcode.stream;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One stream of a container, as a demuxer hands it on.
 *
 * <p>Payloads are normalised so muxers and decoders need not know the source container: H.264 and HEVC packets are
 * Annex B (start codes, parameter sets in band before every keyframe); AAC packets are raw access units (no ADTS),
 * with the AudioSpecificConfig as {@code codecPrivate}; AC-3, MP3, MP2 packets are whole frames; text subtitles
 * are UTF-8 text of one cue (SubRip text for srt, the Matroska event line for ass/ssa).
 *
 * @param index        position among the demuxer's streams, from 0; packets name it
 * @param kind         video, audio or subtitle
 * @param codec        the codec names of {@link org.diva.transcode.probe.VideoTrack}/AudioTrack (h264, aac, ...)
 *                     and for subtitles srt, ass, ssa, webvtt, mov_text, pgs, dvbsub, dvdsub
 * @param codecPrivate decoder configuration (H.264: Annex B SPS and PPS; AAC: AudioSpecificConfig; ASS: the script
 *                     header); empty when there is none. Read-only.
 * @param width        picture width (video), else 0
 * @param height       picture height (video), else 0
 * @param sampleRate   samples per second (audio), else 0
 * @param channels     channel count (audio), else 0
 * @param language     ISO 639 language code, if tagged
 * @param duration     the stream's length in {@link Ticks}, if the container states it
 */
public record ElementaryStream(int index, StreamKind kind, String codec, ByteBuffer codecPrivate,
                               int width, int height, int sampleRate, int channels,
                               Optional<String> language, OptionalLong duration) {

    public ElementaryStream {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(duration, "duration");
        codecPrivate = codecPrivate.asReadOnlyBuffer();
        if (index < 0 || width < 0 || height < 0 || sampleRate < 0 || channels < 0) {
            throw new IllegalArgumentException("negative stream field in stream " + index + " (" + codec + ")");
        }
    }

    public static ElementaryStream video(int index, String codec, ByteBuffer codecPrivate, int width, int height) {
        return new ElementaryStream(index, StreamKind.VIDEO, codec, codecPrivate, width, height, 0, 0,
                Optional.empty(), OptionalLong.empty());
    }

    public static ElementaryStream audio(int index, String codec, ByteBuffer codecPrivate, int sampleRate,
                                         int channels) {
        return new ElementaryStream(index, StreamKind.AUDIO, codec, codecPrivate, 0, 0, sampleRate, channels,
                Optional.empty(), OptionalLong.empty());
    }

    public static ElementaryStream subtitle(int index, String codec, ByteBuffer codecPrivate) {
        return new ElementaryStream(index, StreamKind.SUBTITLE, codec, codecPrivate, 0, 0, 0, 0,
                Optional.empty(), OptionalLong.empty());
    }

    public ElementaryStream withLanguage(Optional<String> newLanguage) {
        return new ElementaryStream(index, kind, codec, codecPrivate, width, height, sampleRate, channels,
                newLanguage, duration);
    }

    public ElementaryStream withDuration(long ticks) {
        return new ElementaryStream(index, kind, codec, codecPrivate, width, height, sampleRate, channels,
                language, OptionalLong.of(ticks));
    }

    /** A copy of the codec private bytes. */
    public byte[] codecPrivateBytes() {
        byte[] bytes = new byte[codecPrivate.remaining()];
        codecPrivate.duplicate().get(bytes);
        return bytes;
    }
}
