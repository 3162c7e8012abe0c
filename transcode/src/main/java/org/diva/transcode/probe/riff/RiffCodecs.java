package org.diva.transcode.probe.riff;

import java.util.Locale;
import java.util.Map;

/**
 * DiVA's codec names for the Windows codec codes that AVI stores and Matroska's V_MS/VFW/FOURCC and A_MS/ACM
 * tracks carry: BITMAPINFOHEADER compression FOURCCs and WAVEFORMATEX format tags. The tables follow the codes
 * registered in Microsoft's mmreg.h and those ffmpeg's riff.c recognises for the same codecs.
 */
public final class RiffCodecs {
    private static final Map<String, String> VIDEO = Map.ofEntries(
            // MPEG-4 Part 2 and the encoders that tagged it with their own names
            Map.entry("XVID", "mpeg4"), Map.entry("DIVX", "mpeg4"), Map.entry("DX50", "mpeg4"),
            Map.entry("FMP4", "mpeg4"), Map.entry("MP4V", "mpeg4"), Map.entry("MP4S", "mpeg4"),
            Map.entry("M4S2", "mpeg4"), Map.entry("3IV2", "mpeg4"), Map.entry("XVIX", "mpeg4"),
            Map.entry("DIV3", "msmpeg4v3"), Map.entry("DIV4", "msmpeg4v3"), Map.entry("MP43", "msmpeg4v3"),
            Map.entry("MP42", "msmpeg4v2"), Map.entry("DIV2", "msmpeg4v2"), Map.entry("MPG4", "msmpeg4v1"),
            Map.entry("H264", "h264"), Map.entry("X264", "h264"), Map.entry("AVC1", "h264"),
            Map.entry("DAVC", "h264"), Map.entry("VSSH", "h264"),
            Map.entry("HEVC", "hevc"), Map.entry("H265", "hevc"), Map.entry("HVC1", "hevc"),
            Map.entry("HEV1", "hevc"), Map.entry("X265", "hevc"),
            Map.entry("MJPG", "mjpeg"), Map.entry("AVRN", "mjpeg"), Map.entry("AVDJ", "mjpeg"),
            Map.entry("JPEG", "mjpeg"), Map.entry("DMB1", "mjpeg"), Map.entry("MJPA", "mjpeg"),
            Map.entry("MPG1", "mpeg1video"), Map.entry("PIM1", "mpeg1video"),
            Map.entry("MPG2", "mpeg2video"), Map.entry("MPEG", "mpeg2video"), Map.entry("MMES", "mpeg2video"),
            // WMV3 is VC-1 Simple/Main profile, WVC1 and WMVA its Advanced profile.
            Map.entry("WMV3", "vc1"), Map.entry("WVC1", "vc1"), Map.entry("WMVA", "vc1"),
            Map.entry("WMV1", "wmv1"), Map.entry("WMV2", "wmv2"),
            Map.entry("VP80", "vp8"), Map.entry("VP90", "vp9"), Map.entry("AV01", "av1"),
            Map.entry("H263", "h263"), Map.entry("S263", "h263"), Map.entry("U263", "h263"),
            Map.entry("DVSD", "dvvideo"), Map.entry("DV25", "dvvideo"), Map.entry("DV50", "dvvideo"),
            Map.entry("CDVC", "dvvideo"), Map.entry("HFYU", "huffyuv"), Map.entry("FFV1", "ffv1"));

    private static final Map<Integer, String> AUDIO = Map.ofEntries(
            Map.entry(0x0001, "pcm"), Map.entry(0x0003, "pcm"), Map.entry(0x0006, "pcm_alaw"),
            Map.entry(0x0007, "pcm_mulaw"), Map.entry(0x0002, "adpcm_ms"), Map.entry(0x0011, "adpcm_ima_wav"),
            Map.entry(0x0050, "mp2"), Map.entry(0x0055, "mp3"),
            Map.entry(0x00FF, "aac"), Map.entry(0x1600, "aac"), Map.entry(0x1602, "aac"), Map.entry(0x1610, "aac"),
            Map.entry(0x4143, "aac"), Map.entry(0x706D, "aac"), Map.entry(0xA106, "aac"),
            Map.entry(0x2000, "ac3"), Map.entry(0x0092, "ac3"), Map.entry(0x2001, "dts"), Map.entry(0x0008, "dts"),
            Map.entry(0x0160, "wmav1"), Map.entry(0x0161, "wmav2"), Map.entry(0x0162, "wmapro"),
            Map.entry(0x0163, "wmalossless"), Map.entry(0xF1AC, "flac"), Map.entry(0x0031, "gsm_ms"),
            Map.entry(0x674F, "vorbis"), Map.entry(0x6750, "vorbis"), Map.entry(0x6751, "vorbis"),
            Map.entry(0x676F, "vorbis"), Map.entry(0x6770, "vorbis"), Map.entry(0x6771, "vorbis"));

    private RiffCodecs() {
    }

    /**
     * The video codec for a BITMAPINFOHEADER biCompression read as four bytes in file order. Uncompressed
     * (BI_RGB, BI_BITFIELDS) is "rawvideo"; an unknown code is its FOURCC in lower case.
     */
    public static String videoCodec(byte[] compression) {
        int value = (compression[0] & 0xff) | (compression[1] & 0xff) << 8 | (compression[2] & 0xff) << 16
                | (compression[3] & 0xff) << 24;
        if (value == 0 || value == 3) {
            return "rawvideo";
        }
        String fourcc = fourcc(compression);
        return VIDEO.getOrDefault(fourcc.toUpperCase(Locale.ROOT), fourcc.toLowerCase(Locale.ROOT));
    }

    /** The audio codec for a WAVEFORMATEX wFormatTag; an unknown tag is written "0x1234". */
    static String audioCodec(int formatTag) {
        return AUDIO.getOrDefault(formatTag, String.format(Locale.ROOT, "0x%04x", formatTag));
    }

    /** Four bytes as text when they are printable ASCII ("XVID"), else in hex. Trailing spaces are dropped. */
    static String fourcc(byte[] code) {
        StringBuilder text = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = code[i] & 0xff;
            if (c < 0x20 || c > 0x7e) {
                return String.format(Locale.ROOT, "0x%02x%02x%02x%02x", code[0], code[1], code[2], code[3]);
            }
            text.append((char) c);
        }
        return text.toString().strip();
    }
}
