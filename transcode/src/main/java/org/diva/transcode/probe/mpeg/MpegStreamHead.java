package org.diva.transcode.probe.mpeg;

import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;

/**
 * What the head of one elementary stream tells: its details, from the first complete header in its bytes, and its
 * start time, the earliest PTS among its first packets (B-frames make the first video PTS not the earliest).
 *
 * <p>Bytes are collected in a window; when it fills without a complete header, it slides on, keeping an overlap
 * so that a header cut by the window edge is seen whole next time. A stream that shows no header within a budget
 * is reported with what its container says.
 */
final class MpegStreamHead {
    private static final int WINDOW = 64 * 1024;
    private static final int OVERLAP = 4 * 1024;
    private static final long VIDEO_BUDGET = 6L * 1024 * 1024;
    private static final long AUDIO_BUDGET = 512L * 1024;
    private static final int VIDEO_TIMED_PACKETS = 8;

    private final MpegStreamCodec codec;
    private final Optional<String> language;
    private byte[] window;
    private int windowLength;
    private int inspectedLength;
    private long fed;
    private boolean givenUp;
    private Optional<VideoTrack> video = Optional.empty();
    private Optional<AudioTrack> audio = Optional.empty();
    private long startTicks = Long.MAX_VALUE;
    private int timedPackets;

    MpegStreamHead(MpegStreamCodec codec, Optional<String> language) {
        this.codec = codec;
        this.language = language;
    }

    MpegStreamCodec codec() {
        return codec;
    }

    /** A PES packet of this stream starts; {@code pts} is -1 when it has none. */
    void packetStart(long pts, PtsClock clock) {
        if (pts >= 0 && timedPackets < VIDEO_TIMED_PACKETS) {
            startTicks = Math.min(startTicks, clock.offset(pts));
            timedPackets++;
        }
        if (needsBytes() && windowLength > inspectedLength) {
            inspect(false);
        }
    }

    /** Payload bytes of the current PES packet, in stream order. */
    void payload(byte[] data, int offset, int length) {
        while (length > 0 && needsBytes()) {
            if (window == null) {
                window = new byte[WINDOW];
            }
            int n = Math.min(length, WINDOW - windowLength);
            System.arraycopy(data, offset, window, windowLength, n);
            windowLength += n;
            offset += n;
            length -= n;
            fed += n;
            if (windowLength == WINDOW) {
                inspect(false);
                if (needsBytes()) {
                    System.arraycopy(window, WINDOW - OVERLAP, window, 0, OVERLAP);
                    windowLength = OVERLAP;
                    inspectedLength = 0;
                }
            }
            if (fed > (codec.kind() == MpegStreamCodec.Kind.VIDEO ? VIDEO_BUDGET : AUDIO_BUDGET)) {
                givenUp = true;
                window = null;
            }
        }
    }

    /** Details the container itself states per packet (LPCM). */
    void resolve(AudioTrack track) {
        audio = Optional.of(track);
    }

    /** No more bytes will come: judge what was collected as it is. */
    void finish() {
        if (needsBytes() && windowLength > 0) {
            inspect(true);
        }
        window = null;
    }

    /** Whether more of the stream's bytes could still tell its details. */
    boolean needsBytes() {
        return video.isEmpty() && audio.isEmpty() && !givenUp && parsesElementaryStream();
    }

    /** Whether the head scan has learnt all it can hope to learn about this stream. */
    boolean settled() {
        if (needsBytes()) {
            return false;
        }
        return switch (codec.kind()) {
            case SUBTITLE -> true;
            case AUDIO -> timedPackets >= 1;
            case VIDEO -> timedPackets >= VIDEO_TIMED_PACKETS;
        };
    }

    OptionalLong startTicks() {
        return startTicks == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(startTicks);
    }

    VideoTrack videoTrack() {
        VideoTrack v = video.orElse(VideoTrack.of(codec.codec(), 0, 0));
        return new VideoTrack(v.codec(), v.profile(), v.level(), v.width(), v.height(), v.frameRate(), v.bitDepth(),
                v.interlaced(), v.bitrate(), language);
    }

    AudioTrack audioTrack() {
        AudioTrack a = audio.orElse(AudioTrack.of(codec.codec(), 0, 0));
        return new AudioTrack(a.codec(), a.profile(), a.channels(), a.sampleRate(), a.bitrate(), language);
    }

    SubtitleTrack subtitleTrack() {
        return SubtitleTrack.embedded(codec.codec(), language, Optional.empty());
    }

    private boolean parsesElementaryStream() {
        return switch (codec.parse()) {
            case NONE, LPCM_BLURAY, LPCM_DVD -> false;
            default -> true;
        };
    }

    private void inspect(boolean endIsBoundary) {
        inspectedLength = windowLength;
        if (codec.kind() == MpegStreamCodec.Kind.VIDEO) {
            video = MpegEsInspector.video(codec.parse(), window, windowLength, endIsBoundary);
        } else if (codec.kind() == MpegStreamCodec.Kind.AUDIO) {
            audio = MpegEsInspector.audio(codec.parse(), window, windowLength, endIsBoundary);
        }
        if (video.isPresent() || audio.isPresent()) {
            window = null;
        }
    }
}
