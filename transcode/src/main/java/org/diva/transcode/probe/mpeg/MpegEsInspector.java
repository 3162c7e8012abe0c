package org.diva.transcode.probe.mpeg;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.codec.Ac3Header;
import org.diva.transcode.codec.AdtsHeader;
import org.diva.transcode.codec.AnnexB;
import org.diva.transcode.codec.H264Sps;
import org.diva.transcode.codec.LpcmHeader;
import org.diva.transcode.codec.Mpeg2SequenceHeader;
import org.diva.transcode.codec.MpegAudioHeader;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.VideoTrack;

/**
 * Reads track details from the first bytes of an elementary stream as MPEG-TS and MPEG-PS carry it (start-code
 * delimited video, self-synchronising audio frames), and the playing time of a stream's last bytes.
 */
public final class MpegEsInspector {
    private static final byte[] SEQUENCE_HEADER_CODE = {0, 0, 1, (byte) 0xb3};
    private static final byte[] VOP_START_CODE = {0, 0, 1, (byte) 0xb6};

    private MpegEsInspector() {
    }

    /**
     * @param endIsBoundary whether no more bytes of this stream will come (a structure cut by the end of the data
     *                      is then judged as it is, not awaited)
     */
    public static Optional<VideoTrack> video(MpegStreamCodec.Parse parse, byte[] data, int length, boolean endIsBoundary) {
        return switch (parse) {
            case H264 -> h264(data, length, endIsBoundary);
            case MPEG_VIDEO -> mpegVideo(data, length, endIsBoundary);
            case ANY_VIDEO -> anyVideo(data, length, endIsBoundary);
            default -> Optional.empty();
        };
    }

    public static Optional<AudioTrack> audio(MpegStreamCodec.Parse parse, byte[] data, int length, boolean endIsBoundary) {
        return switch (parse) {
            case ADTS -> AdtsHeader.find(data, length, endIsBoundary).map(h -> new AudioTrack("aac",
                    Optional.of(h.profileName()), AudioTrack.positive(h.channels()),
                    AudioTrack.positive(h.sampleRate()), OptionalLong.empty(), Optional.empty()));
            case AC3 -> Ac3Header.find(data, length, endIsBoundary).map(h -> new AudioTrack(h.codecName(),
                    Optional.empty(), AudioTrack.positive(h.channels()), AudioTrack.positive(h.sampleRate()),
                    OptionalLong.of(h.bitrate()), Optional.empty()));
            case MPEG_AUDIO -> MpegAudioHeader.find(data, length, endIsBoundary).map(h -> new AudioTrack(
                    h.codecName(), Optional.empty(), OptionalInt.of(h.channels()), OptionalInt.of(h.sampleRate()),
                    OptionalLong.of(h.bitrate()), Optional.empty()));
            default -> Optional.empty();
        };
    }

    /** A PCM track as a disc's LPCM packet header describes it. */
    static AudioTrack pcm(LpcmHeader header) {
        return new AudioTrack("pcm", Optional.empty(), AudioTrack.positive(header.channels()),
                AudioTrack.positive(header.sampleRate()), OptionalLong.of(header.bitrate()), Optional.empty());
    }

    /**
     * The playing time, in 90 kHz ticks, of the complete audio frames in {@code data[0, length)}; for PCM the
     * time the bytes last at the track's bitrate. Empty when it cannot be told.
     */
    static OptionalLong audioTicks(MpegStreamCodec.Parse parse, AudioTrack track, byte[] data, int length) {
        if (track.sampleRate().isEmpty()) {
            return OptionalLong.empty();
        }
        long samples = switch (parse) {
            case ADTS -> AdtsHeader.countSamples(data, length);
            case AC3 -> Ac3Header.countSamples(data, length);
            case MPEG_AUDIO -> MpegAudioHeader.countSamples(data, length);
            default -> -1;
        };
        if (samples >= 0) {
            return OptionalLong.of(samples * PtsClock.TICKS_PER_SECOND / track.sampleRate().getAsInt());
        }
        if ((parse == MpegStreamCodec.Parse.LPCM_DVD || parse == MpegStreamCodec.Parse.LPCM_BLURAY)
                && track.bitrate().isPresent() && track.bitrate().getAsLong() > 0) {
            return OptionalLong.of(length * 8L * PtsClock.TICKS_PER_SECOND / track.bitrate().getAsLong());
        }
        return OptionalLong.empty();
    }

    /** One frame's duration in 90 kHz ticks, 0 when the frame rate is unknown. */
    static long frameTicks(VideoTrack track) {
        OptionalDouble rate = track.frameRate();
        return rate.isPresent() && rate.getAsDouble() > 0
                ? Math.round(PtsClock.TICKS_PER_SECOND / rate.getAsDouble()) : 0;
    }

    /**
     * MPEG-PS says only "video". A VOP start code (0xB6: reserved in MPEG-1/2, an invalid NAL header in H.264)
     * means MPEG-4 Part 2, whose headers DiVA does not read; it must be checked first, because MPEG-4's GOV start
     * code is MPEG-2's sequence header code 0xB3. Then a sequence header means MPEG-1/2; without one, an SPS must
     * look real, because MPEG-2 slice start codes 0x27/0x47/0x67 (tall pictures) read like H.264 SPS headers.
     */
    private static Optional<VideoTrack> anyVideo(byte[] data, int length, boolean endIsBoundary) {
        if (contains(data, length, VOP_START_CODE)) {
            return Optional.of(VideoTrack.of("mpeg4", 0, 0));
        }
        if (contains(data, length, SEQUENCE_HEADER_CODE)) {
            return mpegVideo(data, length, endIsBoundary);
        }
        return h264(data, length, endIsBoundary).filter(MpegEsInspector::plausibleH264);
    }

    private static Optional<VideoTrack> h264(byte[] data, int length, boolean endIsBoundary) {
        // nal_unit_type 7 with nal_ref_idc > 0: an SPS is always a reference NAL unit (H.264 section 7.4.1).
        return AnnexB.firstNal(data, length, header -> (header & 0x9f) == 7 && (header & 0x60) != 0, endIsBoundary)
                .flatMap(H264Sps::parse)
                .map(sps -> new VideoTrack("h264", Optional.of(sps.profileName()), Optional.of(sps.levelName()),
                        sps.width(), sps.height(), sps.frameRate(), OptionalInt.of(sps.bitDepthLuma()),
                        !sps.frameMbsOnly(), OptionalLong.empty(), Optional.empty()));
    }

    private static Optional<VideoTrack> mpegVideo(byte[] data, int length, boolean endIsBoundary) {
        return Mpeg2SequenceHeader.find(data, length, endIsBoundary)
                .map(h -> new VideoTrack(h.codecName(), h.profileName(), h.levelName(), h.width(), h.height(),
                        h.frameRateIfKnown(), OptionalInt.of(8), h.interlaced(),
                        h.bitrate() > 0 ? OptionalLong.of(h.bitrate()) : OptionalLong.empty(), Optional.empty()));
    }

    private static boolean plausibleH264(VideoTrack track) {
        return !track.profile().orElse("profile").startsWith("profile") && track.width() > 0 && track.height() > 0
                && track.width() <= 8192 && track.height() <= 8192;
    }

    private static boolean contains(byte[] data, int length, byte[] pattern) {
        int limit = Math.min(length, data.length) - pattern.length;
        outer:
        for (int i = 0; i <= limit; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
