package org.diva.upnp.dlna;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.diva.upnp.library.ConvertedStream;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.library.MediaKind;

/**
 * Maps media facts to a DLNA media format profile (DLNA Guidelines, Part 2: Media Formats), the way MiniDLNA
 * and its descendants do in practice: the first row of {@link #RULES} that the file satisfies names its profile,
 * and a file that satisfies none is announced without DLNA.ORG_PN, which renderers accept for what they can
 * play (Matroska, AVI, HEVC, FLAC, Ogg, WMA, ...). A wrong profile is worse than none, since a renderer may refuse
 * a file by its profile, so rows are strict about codec, profile, size, frame rate and channels.
 */
public final class DlnaProfiles {
    /** What {@code upnp:albumArtURI@dlna:profileID} says: a JPEG of at most 160x160. */
    public static final String ALBUM_ART_PROFILE = "JPEG_TN";

    private static final Set<String> TS = Set.of("mpegts", "m2ts");
    private static final Set<String> PS = Set.of("mpegps");
    private static final Set<String> MP4 = Set.of("mp4");
    private static final Set<String> BASELINE_MAIN = Set.of("baseline", "main");
    private static final Set<String> MAIN_HIGH = Set.of("main", "high");
    private static final Set<String> HIGH = Set.of("high");
    private static final Set<Integer> MP3_RATES = Set.of(32_000, 44_100, 48_000);
    private static final Set<Integer> MP3X_RATES = Set.of(16_000, 22_050, 24_000, 32_000, 44_100, 48_000);
    private static final Set<Integer> AAC_RATES = Set.of(8_000, 11_025, 12_000, 16_000, 22_050, 24_000, 32_000,
            44_100, 48_000);
    private static final Set<Integer> LPCM_RATES = Set.of(44_100, 48_000);
    private static final Set<String> HD_24 = Set.of("1920x1080", "1440x1080", "1280x720");
    private static final Set<String> HD_50 = Set.of("1920x1080", "1440x1080", "1280x720", "720x576");
    private static final Set<String> HD_60 = Set.of("1920x1080", "1440x1080", "1280x720", "720x480");
    private static final AudioRule MPEG_AUDIO = AudioRule.of(Set.of("mp2", "mp3"), 2);
    private static final AudioRule AC3 = AudioRule.of(Set.of("ac3"), 6);
    private static final AudioRule MP3_STEREO = AudioRule.of(Set.of("mp3"), 2);
    private static final AudioRule MPEG2_PS_AUDIO = AudioRule.of(Set.of("mp2", "ac3", "pcm"), 6);
    private static final AudioRule MPEG2_TS_AUDIO = AudioRule.of(Set.of("mp2", "ac3"), 6);

    /** First match wins: specific rows (exact broadcast sizes and rates) before general ones. */
    static final List<ProfileRule> RULES = List.of(
            // Photos
            ProfileRule.image("JPEG_SM", "jpeg", "image/jpeg", 640, 480),
            ProfileRule.image("JPEG_MED", "jpeg", "image/jpeg", 1024, 768),
            ProfileRule.image("JPEG_LRG", "jpeg", "image/jpeg", 4096, 4096),
            ProfileRule.image("PNG_LRG", "png", "image/png", 4096, 4096),
            // Music
            ProfileRule.audio("MP3", "mp3", "audio/mpeg", MP3_STEREO.at(MP3_RATES), 320_000),
            ProfileRule.audio("MP3X", "mp3", "audio/mpeg", MP3_STEREO.at(MP3X_RATES), 320_000),
            ProfileRule.audio("AAC_ISO_320", "mp4", "audio/mp4", AudioRule.aacLc(2).at(AAC_RATES), 320_000),
            ProfileRule.audio("AAC_ISO", "mp4", "audio/mp4", AudioRule.aacLc(2).at(AAC_RATES), 576_000),
            ProfileRule.audio("AAC_MULT5_ISO", "mp4", "audio/mp4", AudioRule.aacLc(6).at(AAC_RATES), 1_440_000),
            ProfileRule.audio("HEAAC_L2_ISO", "mp4", "audio/mp4",
                    new AudioRule(Set.of("aac"), Set.of("he-aac", "he-aacv2"), 2, AAC_RATES), 0),
            ProfileRule.audio("AAC_ADTS_320", "aac", "audio/vnd.dlna.adts", AudioRule.aacLc(2).at(AAC_RATES),
                    320_000),
            ProfileRule.audio("AAC_ADTS", "aac", "audio/vnd.dlna.adts", AudioRule.aacLc(2).at(AAC_RATES), 576_000),
            ProfileRule.audio("AAC_MULT5_ADTS", "aac", "audio/vnd.dlna.adts", AudioRule.aacLc(6).at(AAC_RATES),
                    1_440_000),
            ProfileRule.audio("LPCM", "lpcm", "audio/L16", AudioRule.of(Set.of("pcm"), 2).at(LPCM_RATES), 0),
            // MPEG-1 and MPEG-2 video (DVD rips, broadcast recordings)
            ProfileRule.av("MPEG1", PS, "video/mpeg", VideoRule.of("mpeg1video", Set.of(), 352, 288),
                    MPEG_AUDIO, 0),
            ProfileRule.av("MPEG_PS_PAL", PS, "video/mpeg", VideoRule.of("mpeg2video", Set.of(), 720, 576)
                    .at(Set.of(FrameRateFamily.HZ50)), MPEG2_PS_AUDIO, 0),
            ProfileRule.av("MPEG_PS_NTSC", PS, "video/mpeg", VideoRule.of("mpeg2video", Set.of(), 720, 480)
                    .at(Set.of(FrameRateFamily.HZ60, FrameRateFamily.HZ24)), MPEG2_PS_AUDIO, 0),
            ProfileRule.av("MPEG_TS_SD_EU", TS, "", VideoRule.of("mpeg2video", Set.of(), 720, 576)
                    .at(Set.of(FrameRateFamily.HZ50)), MPEG2_TS_AUDIO, 0),
            ProfileRule.av("MPEG_TS_SD_NA", TS, "", VideoRule.of("mpeg2video", Set.of(), 720, 480)
                    .at(Set.of(FrameRateFamily.HZ60, FrameRateFamily.HZ24)), MPEG2_TS_AUDIO, 0),
            ProfileRule.av("MPEG_TS_HD_NA", TS, "", VideoRule.of("mpeg2video", Set.of(), 1920, 1080),
                    MPEG2_TS_AUDIO, 0),
            // H.264 in MPEG-TS: broadcast and camcorder (AVCHD) streams first
            ProfileRule.av("AVC_TS_HD_24_AC3", TS, "", VideoRule.of("h264", MAIN_HIGH, 1920, 1080).sized(HD_24)
                    .at(Set.of(FrameRateFamily.HZ24)), AC3, 0),
            ProfileRule.av("AVC_TS_HD_50_AC3", TS, "", VideoRule.of("h264", MAIN_HIGH, 1920, 1080).sized(HD_50)
                    .at(Set.of(FrameRateFamily.HZ50)), AC3, 0),
            ProfileRule.av("AVC_TS_HD_60_AC3", TS, "", VideoRule.of("h264", MAIN_HIGH, 1920, 1080).sized(HD_60)
                    .at(Set.of(FrameRateFamily.HZ60)), AC3, 0),
            ProfileRule.av("AVC_TS_MP_SD_AAC_MULT5", TS, "", VideoRule.of("h264", BASELINE_MAIN, 720, 576),
                    AudioRule.aacLc(6), 10_000_000),
            ProfileRule.av("AVC_TS_MP_SD_MPEG1_L3", TS, "", VideoRule.of("h264", BASELINE_MAIN, 720, 576),
                    MP3_STEREO, 10_000_000),
            ProfileRule.av("AVC_TS_MP_SD_AC3", TS, "", VideoRule.of("h264", BASELINE_MAIN, 720, 576), AC3,
                    10_000_000),
            ProfileRule.av("AVC_TS_MP_HD_AAC_MULT5", TS, "", VideoRule.of("h264", BASELINE_MAIN, 1920, 1080),
                    AudioRule.aacLc(6), 20_000_000),
            ProfileRule.av("AVC_TS_MP_HD_MPEG1_L3", TS, "", VideoRule.of("h264", BASELINE_MAIN, 1920, 1080),
                    MP3_STEREO, 20_000_000),
            ProfileRule.av("AVC_TS_MP_HD_AC3", TS, "", VideoRule.of("h264", BASELINE_MAIN, 1920, 1080), AC3,
                    20_000_000),
            ProfileRule.av("AVC_TS_HP_HD_AC3", TS, "", VideoRule.of("h264", HIGH, 1920, 1080), AC3, 30_000_000),
            // H.264 in MP4: phones, cameras, downloads
            ProfileRule.av("AVC_MP4_MP_SD_AAC_MULT5", MP4, "video/mp4", VideoRule.of("h264", BASELINE_MAIN, 720, 576),
                    AudioRule.aacLc(6), 10_000_000),
            ProfileRule.av("AVC_MP4_MP_SD_MPEG1_L3", MP4, "video/mp4", VideoRule.of("h264", BASELINE_MAIN, 720, 576),
                    MP3_STEREO, 10_000_000),
            ProfileRule.av("AVC_MP4_MP_SD_AC3", MP4, "video/mp4", VideoRule.of("h264", BASELINE_MAIN, 720, 576), AC3,
                    10_000_000),
            ProfileRule.av("AVC_MP4_MP_HD_720p_AAC", MP4, "video/mp4", VideoRule.of("h264", BASELINE_MAIN, 1280, 720),
                    AudioRule.aacLc(2), 15_000_000),
            ProfileRule.av("AVC_MP4_MP_HD_1080i_AAC", MP4, "video/mp4",
                    VideoRule.of("h264", BASELINE_MAIN, 1920, 1080), AudioRule.aacLc(2), 21_000_000),
            // 5.1 AAC is what High-profile HD downloads carry; renderers that take the profile play them
            ProfileRule.av("AVC_MP4_HP_HD_AAC", MP4, "video/mp4", VideoRule.of("h264", HIGH, 1920, 1080),
                    AudioRule.aacLc(6), 25_000_000));

    private static final List<String> PLAIN_TYPES = List.of("video/mp4", "video/quicktime", "video/x-matroska",
            "video/webm", "video/mpeg", "video/mp2t", "video/vnd.dlna.mpeg-tts", "video/x-msvideo", "audio/mpeg",
            "audio/mp4", "audio/aac", "audio/flac", "audio/ogg", "audio/wav", "audio/x-matroska", "image/jpeg",
            "image/png", "image/heif", "text/srt");

    private DlnaProfiles() {
    }

    /** The profile of a catalogued item, and how to announce it. */
    public static DlnaFormat formatOf(MediaItem item) {
        return formatOf(MediaFormat.of(item));
    }

    /** The profile of a converted stream of an item of {@code kind}, and how to announce it. */
    public static DlnaFormat formatOf(ConvertedStream stream, MediaKind kind) {
        return formatOf(new MediaFormat(kind, stream.container(), stream.mimeType(), stream.video(), stream.audio(),
                0, 0, stream.bitrate()));
    }

    /** The contentFeatures.dlna.org value of a converted stream, as its DIDL-Lite res announces it. */
    public static String contentFeatures(ConvertedStream stream, MediaKind kind) {
        return formatOf(stream, kind).convertedContentFeatures(stream.timeSeek());
    }

    /** The profile of a file or transcoder output, and how to announce it. */
    public static DlnaFormat formatOf(MediaFormat format) {
        boolean image = format.kind() == MediaKind.PHOTO;
        for (ProfileRule rule : RULES) {
            if (rule.accepts(format)) {
                return new DlnaFormat(mimeType(rule, format), Optional.of(name(rule, format.container())), image,
                        false);
            }
        }
        return new DlnaFormat(format.mimeType(), Optional.empty(), image, false);
    }

    /**
     * What ConnectionManager's GetProtocolInfo lists as Source: every profile DiVA can announce, with the MIME
     * type it comes with, then each MIME type it serves without a profile.
     */
    public static List<String> sourceProtocolInfos() {
        Set<String> infos = new LinkedHashSet<>();
        for (ProfileRule rule : RULES) {
            if (rule.containers().equals(TS)) {
                infos.add("http-get:*:video/mpeg:DLNA.ORG_PN=" + rule.name() + "_ISO");
                infos.add("http-get:*:video/vnd.dlna.mpeg-tts:DLNA.ORG_PN=" + rule.name() + "_T");
            } else if (rule.name().equals("LPCM")) {
                for (int rate : List.of(44_100, 48_000)) {
                    for (int channels = 1; channels <= 2; channels++) {
                        infos.add("http-get:*:" + lpcm(rate, channels) + ":DLNA.ORG_PN=LPCM");
                    }
                }
            } else {
                infos.add("http-get:*:" + rule.mimeType() + ":DLNA.ORG_PN=" + rule.name());
            }
        }
        for (String type : PLAIN_TYPES) {
            infos.add("http-get:*:" + type + ":*");
        }
        return List.copyOf(infos);
    }

    private static String name(ProfileRule rule, String container) {
        if (!rule.containers().equals(TS)) {
            return rule.name();
        }
        return rule.name() + (container.equals("m2ts") ? "_T" : "_ISO");
    }

    private static String mimeType(ProfileRule rule, MediaFormat format) {
        if (rule.containers().equals(TS)) {
            return format.container().equals("m2ts") ? "video/vnd.dlna.mpeg-tts" : "video/mpeg";
        }
        if (rule.name().equals("LPCM")) {
            return lpcm(format.audio().orElseThrow().sampleRate().getAsInt(),
                    format.audio().orElseThrow().channels().getAsInt());
        }
        return rule.mimeType();
    }

    private static String lpcm(int rate, int channels) {
        return "audio/L16;rate=" + rate + ";channels=" + channels;
    }
}
