package org.diva.transcode.probe.mpeg;

import java.util.Optional;
import org.diva.transcode.probe.mpeg.MpegStreamCodec.Parse;

/**
 * What a PMT's stream_type and descriptors say a stream is (ISO/IEC 13818-1 table 2-34, ATSC A/52 annex A,
 * ETSI EN 300 468 for DVB's private streams, and the Blu-ray/AVCHD types that only mean something in BDAV
 * streams, as ffmpeg's mpegts.c reads them). Streams DiVA cannot play or show (data, program clocks, SCTE-35
 * splice information) map to nothing.
 */
public final class TsStreamTypes {
    private TsStreamTypes() {
    }

    /**
     * @param bluRay whether the stream is BDAV (192-byte packets or an "HDMV" registration), where the 0x80-0x92
     *               range holds Blu-ray's audio and graphics types
     */
    public static Optional<MpegStreamCodec> classify(ProgramMap.Stream stream, boolean bluRay) {
        Optional<MpegStreamCodec> byType = switch (stream.streamType()) {
            case 0x01 -> video("mpeg1video", Parse.MPEG_VIDEO);
            case 0x02 -> video("mpeg2video", Parse.MPEG_VIDEO);
            case 0x10 -> video("mpeg4", Parse.NONE);
            case 0x1b -> video("h264", Parse.H264);
            case 0x24 -> video("hevc", Parse.NONE);
            case 0xea -> video("vc1", Parse.NONE);
            case 0x03, 0x04 -> audio("mp2", Parse.MPEG_AUDIO); // the frame header's layer may say mp3
            case 0x0f -> audio("aac", Parse.ADTS);
            case 0x11 -> audio("aac", Parse.NONE); // LATM: the AudioMuxElement is not read
            case 0x81 -> audio("ac3", Parse.AC3);
            case 0x84, 0x87, 0xa1 -> audio("eac3", Parse.AC3);
            // ffmpeg writes DTS as 0x82 in plain MPEG-TS too; 0x85/0x86 are DTS-HD only on Blu-ray (0x86 is
            // SCTE-35 elsewhere).
            case 0x82 -> audio("dts", Parse.NONE);
            case 0x85, 0x86, 0xa2 -> bluRay ? audio("dts", Parse.NONE) : Optional.empty();
            case 0x83 -> bluRay ? audio("truehd", Parse.NONE) : Optional.empty();
            case 0x80 -> bluRay ? audio("pcm", Parse.LPCM_BLURAY) : Optional.empty();
            case 0x90 -> bluRay ? Optional.of(MpegStreamCodec.subtitle("pgs")) : Optional.empty();
            case 0x06 -> privateData(stream);
            default -> Optional.empty();
        };
        return byType.isPresent() ? byType : byRegistration(stream);
    }

    /** DVB carries AC-3, E-AC-3, DTS, AAC, subtitles and teletext as private data named by a descriptor. */
    private static Optional<MpegStreamCodec> privateData(ProgramMap.Stream stream) {
        if (stream.descriptorTags().contains(0x6a)) {
            return audio("ac3", Parse.AC3);
        }
        if (stream.descriptorTags().contains(0x7a)) {
            return audio("eac3", Parse.AC3);
        }
        if (stream.descriptorTags().contains(0x7b)) {
            return audio("dts", Parse.NONE);
        }
        if (stream.descriptorTags().contains(0x7c)) {
            return audio("aac", Parse.ADTS);
        }
        if (stream.descriptorTags().contains(0x59)) {
            return Optional.of(MpegStreamCodec.subtitle("dvbsub"));
        }
        if (stream.descriptorTags().contains(0x56)) {
            return stream.teletextSubtitles() ? Optional.of(MpegStreamCodec.subtitle("teletext")) : Optional.empty();
        }
        return Optional.empty();
    }

    /** A registration descriptor (ISO/IEC 13818-1 section 2.6.8, SMPTE-RA names) can name the format alone. */
    private static Optional<MpegStreamCodec> byRegistration(ProgramMap.Stream stream) {
        return stream.registration().flatMap(format -> switch (format) {
            case "AC-3" -> audio("ac3", Parse.AC3);
            case "EAC3" -> audio("eac3", Parse.AC3);
            case "DTS1", "DTS2", "DTS3" -> audio("dts", Parse.NONE);
            case "Opus" -> audio("opus", Parse.NONE);
            case "HEVC" -> video("hevc", Parse.NONE);
            case "VC-1" -> video("vc1", Parse.NONE);
            default -> Optional.empty();
        });
    }

    private static Optional<MpegStreamCodec> video(String codec, Parse parse) {
        return Optional.of(MpegStreamCodec.video(codec, parse));
    }

    private static Optional<MpegStreamCodec> audio(String codec, Parse parse) {
        return Optional.of(MpegStreamCodec.audio(codec, parse));
    }
}
