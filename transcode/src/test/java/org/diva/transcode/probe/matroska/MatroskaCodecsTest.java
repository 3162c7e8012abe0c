package org.diva.transcode.probe.matroska;

import static org.diva.transcode.probe.matroska.EbmlBytes.element;
import static org.diva.transcode.probe.matroska.EbmlBytes.matroska;
import static org.diva.transcode.probe.matroska.EbmlBytes.string;
import static org.diva.transcode.probe.matroska.EbmlBytes.uint;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.ByteArrayChannel;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CodecID and CodecPrivate to DiVA's names, one row per codec; each row is probed as a whole Matroska file. */
class MatroskaCodecsTest {
    private final MatroskaProbe probe = new MatroskaProbe();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "-", value = {
        // CodecID, CodecPrivate (hex), codec, profile, level, bit depth
        "V_MPEG4/ISO/AVC,  01640028ffe10000,                   h264,       High,      4.0, -",
        "V_MPEGH/ISO/HEVC, 0102200000009000000000007bf000fcfdfaf800000f00, hevc, Main 10, 4.1, 10",
        "V_VP9,            01010002011f03010a,                 vp9,        Profile 0, 3.1, 10",
        "V_AV1,            81084c00,                           av1,        Main,      4.0, 10",
        "V_VP8,            -,                                  vp8,        -,         -,   -",
        "V_MPEG2,          -,                                  mpeg2video, -,         -,   -",
        "V_MPEG1,          -,                                  mpeg1video, -,         -,   -",
        "V_MPEG4/ISO/ASP,  -,                                  mpeg4,      -,         -,   -",
        "V_MPEG4/ISO/SP,   -,                                  mpeg4,      -,         -,   -",
        "V_MS/VFW/FOURCC,  28000000800200006801000001001800585649440000000000000000, mpeg4, -, -, -",
        "V_MS/VFW/FOURCC,  28000000800200006801000001001800574d56330000000000000000, vc1, -, -, -",
        "V_THEORA,         -,                                  theora,     -,         -,   -",
        "V_REAL/RV40,      -,                                  v_real/rv40, -,        -,   -",
    })
    void video(String codecId, String codecPrivate, String codec, String profile, String level, Integer bitDepth)
            throws IOException {
        MediaInfo info = probe(entry(1, codecId, codecPrivate, element(MatroskaIds.VIDEO,
                uint(MatroskaIds.PIXEL_WIDTH, 640), uint(MatroskaIds.PIXEL_HEIGHT, 360))));
        VideoTrack v = info.video().get(0);
        assertEquals(codec, v.codec());
        assertEquals(Optional.ofNullable(profile), v.profile());
        assertEquals(Optional.ofNullable(level), v.level());
        assertEquals(bitDepth == null ? OptionalInt.empty() : OptionalInt.of(bitDepth), v.bitDepth());
        assertEquals(640, v.width());
        assertEquals(360, v.height());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "-", value = {
        // CodecID, CodecPrivate (hex), codec, profile, sample rate, bitrate
        "A_AAC,               1210,     aac,      LC,          48000, -",
        "A_AAC,               2b118800, aac,      HE-AAC,      48000, -",
        "A_AAC/MPEG4/LC/SBR,  -,        aac,      HE-AAC,      48000, -",
        "A_AAC/MPEG2/LC,      -,        aac,      LC,          48000, -",
        "A_AAC/MPEG4/MAIN,    -,        aac,      Main,        48000, -",
        "A_AC3,               -,        ac3,      -,           48000, -",
        "A_AC3/BSID9,         -,        ac3,      -,           48000, -",
        "A_EAC3,              -,        eac3,     -,           48000, -",
        "A_DTS,               -,        dts,      -,           48000, -",
        "A_DTS/LOSSLESS,      -,        dts,      DTS-HD MA,   48000, -",
        "A_MPEG/L3,           -,        mp3,      -,           48000, -",
        "A_MPEG/L2,           -,        mp2,      -,           48000, -",
        "A_FLAC,              -,        flac,     -,           48000, -",
        "A_VORBIS,            -,        vorbis,   -,           48000, -",
        "A_OPUS,              -,        opus,     -,           48000, -",
        "A_TRUEHD,            -,        truehd,   -,           48000, -",
        "A_PCM/INT/LIT,       -,        pcm,      -,           48000, 1536000",
        "A_MS/ACM,            6101020044ac0000803e00000000100000000000, wmav2, -, 44100, 128000",
        "A_QUICKTIME/QDM2,    -,        a_quicktime/qdm2, -,   48000, -",
    })
    void audio(String codecId, String codecPrivate, String codec, String profile, int sampleRate, Long bitrate)
            throws IOException {
        // The track states 24 kHz, as muxers do for HE-AAC whose core runs at half the output rate, plus the
        // output rate; an explicit SBR AudioSpecificConfig states the output rate too.
        MediaInfo info = probe(entry(2, codecId, codecPrivate, element(MatroskaIds.AUDIO,
                EbmlBytes.float64(MatroskaIds.SAMPLING_FREQUENCY, 24000),
                EbmlBytes.float64(MatroskaIds.OUTPUT_SAMPLING_FREQUENCY, 48000),
                uint(MatroskaIds.CHANNELS, 2), uint(MatroskaIds.BIT_DEPTH, 16))));
        AudioTrack a = info.audio().get(0);
        assertEquals(codec, a.codec());
        assertEquals(Optional.ofNullable(profile), a.profile());
        assertEquals(OptionalInt.of(sampleRate), a.sampleRate());
        assertEquals(OptionalInt.of(2), a.channels());
        assertEquals(bitrate == null ? OptionalLong.empty() : OptionalLong.of(bitrate), a.bitrate());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "S_TEXT/UTF8, srt", "S_TEXT/ASCII, srt", "S_TEXT/ASS, ass", "S_TEXT/SSA, ssa", "S_TEXT/WEBVTT, webvtt",
        "D_WEBVTT/SUBTITLES, webvtt", "S_HDMV/PGS, pgs", "S_VOBSUB, dvdsub", "S_DVBSUB, dvbsub", "S_KATE, s_kate",
    })
    void subtitles(String codecId, String format) throws IOException {
        MediaInfo info = probe(element(MatroskaIds.TRACKS, audioEntry(),
                element(MatroskaIds.TRACK_ENTRY, uint(MatroskaIds.TRACK_TYPE, 0x11),
                        string(MatroskaIds.CODEC_ID, codecId), string(MatroskaIds.LANGUAGE, "spa"))));
        assertEquals(SubtitleTrack.embedded(format, Optional.of("spa"), Optional.empty()), info.subtitles().get(0));
    }

    @Test
    void languageIetfWinsOverLanguageAndAbsentLanguageIsEnglishAsTheSpecificationSays() throws IOException {
        MediaInfo info = probe(element(MatroskaIds.TRACKS,
                element(MatroskaIds.TRACK_ENTRY, uint(MatroskaIds.TRACK_TYPE, 2), string(MatroskaIds.CODEC_ID, "A_AC3"),
                        string(MatroskaIds.LANGUAGE, "por"), string(MatroskaIds.LANGUAGE_IETF, "pt-BR")),
                element(MatroskaIds.TRACK_ENTRY, uint(MatroskaIds.TRACK_TYPE, 2),
                        string(MatroskaIds.CODEC_ID, "A_AC3")),
                element(MatroskaIds.TRACK_ENTRY, uint(MatroskaIds.TRACK_TYPE, 2), string(MatroskaIds.CODEC_ID, "A_AC3"),
                        string(MatroskaIds.LANGUAGE, "und"))));
        assertEquals(Optional.of("pt-BR"), info.audio().get(0).language());
        assertEquals(Optional.of("eng"), info.audio().get(1).language());
        assertEquals(Optional.empty(), info.audio().get(2).language());
        assertEquals(MediaKind.AUDIO, info.kind());
    }

    @Test
    void titleFromAGlobalTagWhenInfoHasNone() throws IOException {
        byte[] trackTag = element(MatroskaIds.TAG,
                element(MatroskaIds.TARGETS, uint(MatroskaIds.TAG_TRACK_UID, 7)),
                element(MatroskaIds.SIMPLE_TAG, string(MatroskaIds.TAG_NAME, "TITLE"),
                        string(MatroskaIds.TAG_STRING, "Only the track")));
        byte[] movieTag = element(MatroskaIds.TAG,
                element(MatroskaIds.TARGETS, uint(MatroskaIds.TARGET_TYPE_VALUE, 50)),
                element(MatroskaIds.SIMPLE_TAG, string(MatroskaIds.TAG_NAME, "TITLE"),
                        string(MatroskaIds.TAG_STRING, "The Movie")));
        MediaInfo info = probe.probe(new ByteArrayChannel(matroska(EbmlBytes.info(5000),
                element(MatroskaIds.TRACKS, audioEntry()), element(MatroskaIds.TAGS, trackTag, movieTag))));
        assertEquals(Optional.of("The Movie"), info.title());
        assertEquals(OptionalLong.of(5000), info.durationMillis());
    }

    private MediaInfo probe(byte[] tracks) throws IOException {
        return probe.probe(new ByteArrayChannel(matroska(tracks)));
    }

    private static byte[] entry(int type, String codecId, String codecPrivate, byte[] details) {
        byte[] privateElement = codecPrivate == null
                ? new byte[0] : element(MatroskaIds.CODEC_PRIVATE, HexFormat.of().parseHex(codecPrivate));
        return element(MatroskaIds.TRACKS, element(MatroskaIds.TRACK_ENTRY, uint(MatroskaIds.TRACK_TYPE, type),
                string(MatroskaIds.CODEC_ID, codecId), privateElement, details));
    }

    private static byte[] audioEntry() {
        return element(MatroskaIds.TRACK_ENTRY, uint(MatroskaIds.TRACK_TYPE, 2),
                string(MatroskaIds.CODEC_ID, "A_OPUS"));
    }
}
