package org.diva.upnp.dlna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.upnp.library.AudioStream;
import org.diva.upnp.library.MediaKind;
import org.diva.upnp.library.VideoStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One row per kind of file households have: video is {@code codec/profile/WxH@fps}, audio
 * {@code codec/profile/channels/rate}, photo {@code WxH}; '?' is what the probe did not find, '-' is no stream.
 */
class DlnaProfilesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // case                          | kind  | container | mime              | video                          | audio                 | photo     | bitrate  | profile                    | announced MIME
        "small JPEG                      | PHOTO | jpeg     | image/jpeg         | -                              | -                     | 640x480   | ?        | JPEG_SM                    | image/jpeg",
        "portrait small JPEG             | PHOTO | jpeg     | image/jpeg         | -                              | -                     | 480x640   | ?        | JPEG_SM                    | image/jpeg",
        "medium JPEG                     | PHOTO | jpeg     | image/jpeg         | -                              | -                     | 1024x768  | ?        | JPEG_MED                   | image/jpeg",
        "12 MP phone photo               | PHOTO | jpeg     | image/jpeg         | -                              | -                     | 4000x3000 | ?        | JPEG_LRG                   | image/jpeg",
        "24 MP camera photo              | PHOTO | jpeg     | image/jpeg         | -                              | -                     | 6000x4000 | ?        | none                       | image/jpeg",
        "JPEG of unknown size            | PHOTO | jpeg     | image/jpeg         | -                              | -                     | 0x0       | ?        | none                       | image/jpeg",
        "PNG screenshot                  | PHOTO | png      | image/png          | -                              | -                     | 1920x1080 | ?        | PNG_LRG                    | image/png",
        "iPhone HEIC                     | PHOTO | heif     | image/heif         | -                              | -                     | 4032x3024 | ?        | none                       | image/heif",
        "MP3 320k                        | AUDIO | mp3      | audio/mpeg         | -                              | mp3/?/2/44100         | -         | 320000   | MP3                        | audio/mpeg",
        "MP3 VBR, bitrate unknown        | AUDIO | mp3      | audio/mpeg         | -                              | mp3/?/2/48000         | -         | ?        | MP3                        | audio/mpeg",
        "MP3 mono 22 kHz audiobook       | AUDIO | mp3      | audio/mpeg         | -                              | mp3/?/1/22050         | -         | 64000    | MP3X                       | audio/mpeg",
        "iTunes AAC 256k                 | AUDIO | mp4      | audio/mp4          | -                              | aac/LC/2/44100        | -         | 256000   | AAC_ISO_320                | audio/mp4",
        "AAC 500k                        | AUDIO | mp4      | audio/mp4          | -                              | aac/LC/2/48000        | -         | 500000   | AAC_ISO                    | audio/mp4",
        "AAC 5.1                         | AUDIO | mp4      | audio/mp4          | -                              | aac/LC/6/48000        | -         | 640000   | AAC_MULT5_ISO              | audio/mp4",
        "HE-AAC podcast                  | AUDIO | mp4      | audio/mp4          | -                              | aac/HE-AAC/2/44100    | -         | 64000    | HEAAC_L2_ISO               | audio/mp4",
        "Apple Lossless                  | AUDIO | mp4      | audio/mp4          | -                              | alac/?/2/44100        | -         | 900000   | none                       | audio/mp4",
        "ADTS AAC stream                 | AUDIO | aac      | audio/aac          | -                              | aac/LC/2/44100        | -         | 128000   | AAC_ADTS_320               | audio/vnd.dlna.adts",
        "FLAC                            | AUDIO | flac     | audio/flac         | -                              | flac/?/2/44100        | -         | 900000   | none                       | audio/flac",
        "Ogg Vorbis                      | AUDIO | ogg      | audio/ogg          | -                              | vorbis/?/2/44100      | -         | 160000   | none                       | audio/ogg",
        "WMA                             | AUDIO | asf      | audio/x-ms-wma     | -                              | wmav2/?/2/44100       | -         | 128000   | none                       | audio/x-ms-wma",
        "WAV                             | AUDIO | wav      | audio/wav          | -                              | pcm/?/2/44100         | -         | 1411200  | none                       | audio/wav",
        "L16 stereo (transcode output)   | AUDIO | lpcm     | audio/L16          | -                              | pcm/?/2/48000         | -         | ?        | LPCM                       | audio/L16;rate=48000;channels=2",
        "L16 5.1                         | AUDIO | lpcm     | audio/L16          | -                              | pcm/?/6/48000         | -         | ?        | none                       | audio/L16",
        "PAL DVD / DVB SD recording      | VIDEO | mpegps   | video/mpeg         | mpeg2video/Main/720x576@25     | mp2/?/2/48000         | -         | ?        | MPEG_PS_PAL                | video/mpeg",
        "NTSC DVD                        | VIDEO | mpegps   | video/mpeg         | mpeg2video/Main/720x480@29.97  | ac3/?/6/48000         | -         | ?        | MPEG_PS_NTSC               | video/mpeg",
        "NTSC film DVD (pulldown)        | VIDEO | mpegps   | video/mpeg         | mpeg2video/Main/720x480@23.976 | ac3/?/6/48000         | -         | ?        | MPEG_PS_NTSC               | video/mpeg",
        "VCD                             | VIDEO | mpegps   | video/mpeg         | mpeg1video/?/352x288@25        | mp2/?/2/44100         | -         | ?        | MPEG1                      | video/mpeg",
        "H.264 in MPEG-PS                | VIDEO | mpegps   | video/mpeg         | h264/High/1280x720@25          | mp2/?/2/48000         | -         | ?        | none                       | video/mpeg",
        "DVB-T SD recording              | VIDEO | mpegts   | video/mp2t         | mpeg2video/Main/720x576@25     | mp2/?/2/48000         | -         | ?        | MPEG_TS_SD_EU_ISO          | video/mpeg",
        "ATSC SD recording               | VIDEO | mpegts   | video/mp2t         | mpeg2video/Main/720x480@29.97  | ac3/?/2/48000         | -         | ?        | MPEG_TS_SD_NA_ISO          | video/mpeg",
        "ATSC HD recording               | VIDEO | mpegts   | video/mp2t         | mpeg2video/Main/1920x1080@29.97| ac3/?/6/48000         | -         | ?        | MPEG_TS_HD_NA_ISO          | video/mpeg",
        "ATSC HD with time stamps        | VIDEO | m2ts     | video/mp2t         | mpeg2video/Main/1920x1080@29.97| ac3/?/6/48000         | -         | ?        | MPEG_TS_HD_NA_T            | video/vnd.dlna.mpeg-tts",
        "AVCHD 1080i50 camcorder         | VIDEO | m2ts     | video/mp2t         | h264/High/1920x1080@25         | ac3/?/2/48000         | -         | ?        | AVC_TS_HD_50_AC3_T         | video/vnd.dlna.mpeg-tts",
        "DVB-T2 HD, field rate reported  | VIDEO | mpegts   | video/mp2t         | h264/High/1920x1080@50         | ac3/?/6/48000         | -         | ?        | AVC_TS_HD_50_AC3_ISO       | video/mpeg",
        "AVCHD 1080i60 camcorder         | VIDEO | m2ts     | video/mp2t         | h264/High/1920x1080@59.94      | ac3/?/2/48000         | -         | ?        | AVC_TS_HD_60_AC3_T         | video/vnd.dlna.mpeg-tts",
        "Blu-ray stream copy             | VIDEO | m2ts     | video/mp2t         | h264/High/1920x1080@23.976     | ac3/?/6/48000         | -         | ?        | AVC_TS_HD_24_AC3_T         | video/vnd.dlna.mpeg-tts",
        "cropped film, Main, AC-3        | VIDEO | mpegts   | video/mp2t         | h264/Main/1280x544@23.976      | ac3/?/6/48000         | -         | 6000000  | AVC_TS_MP_HD_AC3_ISO       | video/mpeg",
        "cropped film, Main, AAC         | VIDEO | mpegts   | video/mp2t         | h264/Main/1920x800@24          | aac/LC/2/48000        | -         | 9000000  | AVC_TS_MP_HD_AAC_MULT5_ISO | video/mpeg",
        "cropped film, High, AC-3        | VIDEO | mpegts   | video/mp2t         | h264/High/1920x800@24          | ac3/?/6/48000         | -         | 9000000  | AVC_TS_HP_HD_AC3_ISO       | video/mpeg",
        "HD, High, frame rate unknown    | VIDEO | mpegts   | video/mp2t         | h264/High/1920x1080@?          | ac3/?/6/48000         | -         | ?        | AVC_TS_HP_HD_AC3_ISO       | video/mpeg",
        "IPTV SD, Main, AAC              | VIDEO | mpegts   | video/mp2t         | h264/Main/720x576@25           | aac/LC/2/48000        | -         | 3000000  | AVC_TS_MP_SD_AAC_MULT5_ISO | video/mpeg",
        "IPTV HD, High, AAC (no profile) | VIDEO | mpegts   | video/mp2t         | h264/High/1920x1080@25         | aac/LC/2/48000        | -         | 8000000  | none                       | video/mp2t",
        "TS with DTS audio               | VIDEO | mpegts   | video/mp2t         | h264/Main/1920x1080@24         | dts/?/6/48000         | -         | ?        | none                       | video/mp2t",
        "YouTube SD download             | VIDEO | mp4      | video/mp4          | h264/Main/640x360@30           | aac/LC/2/44100        | -         | 1000000  | AVC_MP4_MP_SD_AAC_MULT5    | video/mp4",
        "old phone clip, baseline        | VIDEO | mp4      | video/mp4          | h264/Constrained Baseline/480x270@30 | aac/LC/1/44100  | -         | 500000   | AVC_MP4_MP_SD_AAC_MULT5    | video/mp4",
        "SD, Main, AC-3 5.1              | VIDEO | mp4      | video/mp4          | h264/Main/720x576@25           | ac3/?/6/48000         | -         | 4000000  | AVC_MP4_MP_SD_AC3          | video/mp4",
        "SD, Main, MP3                   | VIDEO | mp4      | video/mp4          | h264/Main/720x576@25           | mp3/?/2/48000         | -         | 4000000  | AVC_MP4_MP_SD_MPEG1_L3     | video/mp4",
        "720p, Main, AAC                 | VIDEO | mp4      | video/mp4          | h264/Main/1280x720@30          | aac/LC/2/48000        | -         | 5000000  | AVC_MP4_MP_HD_720p_AAC     | video/mp4",
        "720p, profiles unknown          | VIDEO | mp4      | video/mp4          | h264/?/1280x720@30             | aac/?/2/48000         | -         | 5000000  | AVC_MP4_MP_HD_720p_AAC     | video/mp4",
        "1080p, Main, AAC                | VIDEO | mp4      | video/mp4          | h264/Main/1920x1080@30         | aac/LC/2/48000        | -         | 8000000  | AVC_MP4_MP_HD_1080i_AAC    | video/mp4",
        "movie download, High, AAC 5.1   | VIDEO | mp4      | video/mp4          | h264/High/1920x1080@23.976     | aac/LC/6/48000        | -         | 8000000  | AVC_MP4_HP_HD_AAC          | video/mp4",
        "iPhone 1080p30                  | VIDEO | mp4      | video/mp4          | h264/High/1920x1080@29.97      | aac/LC/2/44100        | -         | 17000000 | AVC_MP4_HP_HD_AAC          | video/mp4",
        "1080p over 25 Mb/s              | VIDEO | mp4      | video/mp4          | h264/High/1920x1080@30         | aac/LC/2/48000        | -         | 40000000 | none                       | video/mp4",
        "4K phone, H.264                 | VIDEO | mp4      | video/mp4          | h264/High/3840x2160@30         | aac/LC/2/48000        | -         | 45000000 | none                       | video/mp4",
        "10-bit H.264                    | VIDEO | mp4      | video/mp4          | h264/High 10/1920x1080@24      | aac/LC/2/48000        | -         | 8000000  | none                       | video/mp4",
        "HEVC                            | VIDEO | mp4      | video/mp4          | hevc/Main/3840x2160@24         | aac/LC/6/48000        | -         | 20000000 | none                       | video/mp4",
        "picture size unknown            | VIDEO | mp4      | video/mp4          | h264/High/0x0@24               | aac/LC/2/48000        | -         | ?        | none                       | video/mp4",
        "silent clip                     | VIDEO | mp4      | video/mp4          | h264/Main/1280x720@30          | -                     | -         | ?        | none                       | video/mp4",
        "iPhone .mov                     | VIDEO | mov      | video/quicktime    | h264/High/1920x1080@29.97      | aac/LC/2/44100        | -         | ?        | none                       | video/quicktime",
        "Matroska                        | VIDEO | matroska | video/x-matroska   | h264/High/1920x1080@23.976     | aac/LC/6/48000        | -         | ?        | none                       | video/x-matroska",
        "Xvid AVI                        | VIDEO | avi      | video/x-msvideo    | mpeg4/Advanced Simple/640x272@25 | mp3/?/2/48000       | -         | ?        | none                       | video/x-msvideo",
        "WebM                            | VIDEO | webm     | video/webm         | vp9/?/1920x1080@30             | opus/?/2/48000        | -         | ?        | none                       | video/webm",
    })
    void mapsToProfile(String description, MediaKind kind, String container, String mime, String video,
                       String audio, String photo, String bitrate, String profile, String announcedMime) {
        int[] size = photo.equals("-") ? new int[] {0, 0} : size(photo);
        MediaFormat format = new MediaFormat(kind, container, mime, video(video), audio(audio), size[0], size[1],
                bitrate.equals("?") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(bitrate)));
        DlnaFormat dlna = DlnaProfiles.formatOf(format);
        assertEquals(profile, dlna.profile().orElse("none"));
        assertEquals(announcedMime, dlna.mimeType());
    }

    @Test
    void announcesVideoForStreaming() {
        DlnaFormat format = new DlnaFormat("video/mp4", Optional.of("AVC_MP4_HP_HD_AAC"), false, false);
        assertEquals("http-get:*:video/mp4:DLNA.ORG_PN=AVC_MP4_HP_HD_AAC;DLNA.ORG_OP=01;DLNA.ORG_CI=0;"
                + "DLNA.ORG_FLAGS=01700000000000000000000000000000", format.protocolInfo());
        assertEquals("DLNA.ORG_PN=AVC_MP4_HP_HD_AAC;DLNA.ORG_OP=01;DLNA.ORG_CI=0;"
                + "DLNA.ORG_FLAGS=01700000000000000000000000000000", format.contentFeatures());
    }

    @Test
    void leavesOutTheProfileWhenNoneApplies() {
        DlnaFormat format = new DlnaFormat("video/x-matroska", Optional.empty(), false, false);
        assertEquals("http-get:*:video/x-matroska:DLNA.ORG_OP=01;DLNA.ORG_CI=0;"
                + "DLNA.ORG_FLAGS=01700000000000000000000000000000", format.protocolInfo());
    }

    @Test
    void announcesImagesForInteractiveTransfer() {
        DlnaFormat format = new DlnaFormat("image/jpeg", Optional.of("JPEG_LRG"), true, false);
        assertEquals("DLNA.ORG_PN=JPEG_LRG;DLNA.ORG_OP=01;DLNA.ORG_CI=0;"
                + "DLNA.ORG_FLAGS=00D00000000000000000000000000000", format.contentFeatures());
    }

    @Test
    void marksTranscodedOutputAsConvertedWithoutByteSeek() {
        DlnaFormat format = new DlnaFormat("video/mpeg", Optional.of("AVC_TS_HD_50_AC3_ISO"), false, false)
                .asTranscoded();
        assertEquals("DLNA.ORG_PN=AVC_TS_HD_50_AC3_ISO;DLNA.ORG_OP=00;DLNA.ORG_CI=1;"
                + "DLNA.ORG_FLAGS=01700000000000000000000000000000", format.contentFeatures());
    }

    @Test
    void listsSourceProtocolInfosOncePerProfileAndType() {
        List<String> infos = DlnaProfiles.sourceProtocolInfos();
        assertEquals(infos.size(), new HashSet<>(infos).size());
        assertTrue(infos.contains("http-get:*:video/mpeg:DLNA.ORG_PN=AVC_TS_HD_50_AC3_ISO"));
        assertTrue(infos.contains("http-get:*:video/vnd.dlna.mpeg-tts:DLNA.ORG_PN=AVC_TS_HD_50_AC3_T"));
        assertTrue(infos.contains("http-get:*:audio/L16;rate=44100;channels=2:DLNA.ORG_PN=LPCM"));
        assertTrue(infos.contains("http-get:*:image/jpeg:DLNA.ORG_PN=JPEG_SM"));
        assertTrue(infos.contains("http-get:*:video/x-matroska:*"));
        for (String info : infos) {
            assertEquals(4, info.split(":", -1).length, info);
            assertTrue(info.startsWith("http-get:*:"), info);
        }
    }

    private static Optional<VideoStream> video(String spec) {
        if (spec.equals("-")) {
            return Optional.empty();
        }
        String[] parts = spec.split("/");
        String[] sizeAndRate = parts[2].split("@");
        int[] size = size(sizeAndRate[0]);
        OptionalDouble fps = sizeAndRate[1].equals("?") ? OptionalDouble.empty()
                : OptionalDouble.of(Double.parseDouble(sizeAndRate[1]));
        return Optional.of(new VideoStream(parts[0], known(parts[1]), Optional.empty(), size[0], size[1], fps));
    }

    private static Optional<AudioStream> audio(String spec) {
        if (spec.equals("-")) {
            return Optional.empty();
        }
        String[] parts = spec.split("/");
        return Optional.of(new AudioStream(parts[0], known(parts[1]), number(parts[2]), number(parts[3]),
                Optional.empty()));
    }

    private static Optional<String> known(String value) {
        return value.equals("?") ? Optional.empty() : Optional.of(value);
    }

    private static OptionalInt number(String value) {
        return value.equals("?") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
    }

    private static int[] size(String spec) {
        String[] wh = spec.split("x");
        return new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
    }
}
