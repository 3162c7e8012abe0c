package org.diva.transcode.probe.riff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Windows codec codes of AVI and Matroska's compatibility tracks, one row per code. */
class RiffCodecsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "XVID, mpeg4", "xvid, mpeg4", "DIVX, mpeg4", "DX50, mpeg4", "FMP4, mpeg4", "MP4V, mpeg4",
        "DIV3, msmpeg4v3", "H264, h264", "X264, h264", "AVC1, h264", "HEVC, hevc", "MJPG, mjpeg",
        "MPG2, mpeg2video", "MPG1, mpeg1video", "WMV3, vc1", "WVC1, vc1", "WMV2, wmv2", "VP80, vp8", "DVSD, dvvideo",
        "CVID, cvid",
    })
    void videoFourcc(String fourcc, String codec) {
        assertEquals(codec, RiffCodecs.videoCodec(fourcc.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void uncompressedAndUnprintableCompression() {
        assertEquals("rawvideo", RiffCodecs.videoCodec(new byte[4]));
        assertEquals("0x01ff0203", RiffCodecs.videoCodec(new byte[] {1, (byte) 0xff, 2, 3}));
    }

    @ParameterizedTest(name = "0x{0}")
    @CsvSource({
        "0055, mp3", "0050, mp2", "2000, ac3", "2001, dts", "0001, pcm", "0003, pcm", "00FF, aac", "1610, aac",
        "706D, aac", "0161, wmav2", "0162, wmapro", "F1AC, flac", "1234, 0x1234",
    })
    void waveFormatTag(String hexTag, String codec) {
        assertEquals(codec, RiffCodecs.audioCodec(Integer.parseInt(hexTag, 16)));
    }

    @Test
    void extensibleWaveFormatIsTheTagOfItsSubFormat() {
        byte[] wfx = java.util.HexFormat.of().parseHex(
                "feff0600" + "80bb0000" + "00650400" + "0c00" + "1000" + "1600" // ...cbSize 22
                + "1000" + "3f060000" + "0100000000001000800000aa00389b71"); // KSDATAFORMAT_SUBTYPE_PCM
        WaveFormatEx format = WaveFormatEx.parse(wfx).orElseThrow();
        assertEquals("pcm", format.codec());
        assertEquals(6, format.channels());
        assertEquals(48000, format.sampleRate());
    }

    @Test
    void aacProfileFromTheConfigAfterWaveFormatEx() {
        byte[] wfx = java.util.HexFormat.of().parseHex("ff000200" + "44ac0000" + "00000000" + "0000" + "0000"
                + "0200" + "1210");
        assertEquals(java.util.Optional.of("LC"), WaveFormatEx.parse(wfx).orElseThrow().profile());
    }
}
