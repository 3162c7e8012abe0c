package org.diva.transcode.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Mpeg2SequenceHeaderTest {
    private static final int GOP = 0xb8;

    /** A sequence header, an optional sequence extension (profileAndLevel >= 0), and a GOP start code after it. */
    static byte[] stream(int width, int height, int aspect, int rateCode, long bitrateValue, boolean matrices,
                         int profileAndLevel, int progressive, int rateN, int rateD) {
        Bits b = new Bits().bytes(0, 0, 1, 0xb3).put(12, width & 0xfff).put(12, height & 0xfff).put(4, aspect)
                .put(4, rateCode).put(18, bitrateValue & 0x3ffff).put(1, 1).put(10, 112).put(1, 0);
        b.put(1, matrices ? 1 : 0);
        if (matrices) {
            b.put(32, 0x08101010).put(32, 0).put(32, 0).put(32, 0).put(32, 0).put(32, 0).put(32, 0)
                    .put(32, 0).put(32, 0).put(32, 0).put(32, 0).put(32, 0).put(32, 0).put(32, 0).put(32, 0)
                    .put(32, 0);
        }
        b.put(1, matrices ? 1 : 0);
        if (matrices) {
            for (int i = 0; i < 16; i++) {
                b.put(32, 0x10101010);
            }
        }
        if (profileAndLevel >= 0) {
            b.bytes(0, 0, 1, 0xb5).put(4, 1).put(8, profileAndLevel).put(1, progressive).put(2, 1)
                    .put(2, width >> 12).put(2, height >> 12).put(12, bitrateValue >> 18).put(1, 1).put(8, 0)
                    .put(1, 0).put(2, rateN).put(5, rateD);
        }
        return b.bytes(0, 0, 1, GOP, 0, 0, 0, 0).toBytes();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // case,                width, height, aspect, rate code, bitrate value, profile+level, progressive, n, d,
        //                      codec, profile, level, fps, interlaced, bitrate, display aspect
        "PAL DVD MP@ML,         720,  576,  2, 3, 24500,   0x48, 0, 0, 0, mpeg2video, Main,   Main,      25.0,   true,  9800000,  4:3",
        "NTSC MP@ML 16:9,       720,  480,  3, 4, 20000,   0x48, 0, 0, 0, mpeg2video, Main,   Main,      29.97,  true,  8000000,  16:9",
        "ATSC MP@HL progressive,1920, 1080, 3, 1, 48500,   0x44, 1, 0, 0, mpeg2video, Main,   High,      23.976, false, 19400000, 16:9",
        "HDV MP@H-14,           1440, 1080, 3, 3, 62500,   0x46, 0, 0, 0, mpeg2video, Main,   High 1440, 25.0,   true,  25000000, 16:9",
        "High profile,          1920, 1080, 3, 3, 200000,  0x14, 0, 0, 0, mpeg2video, High,   High,      25.0,   true,  80000000, 16:9",
        "Simple profile,        352,  288,  2, 3, 5000,    0x58, 1, 0, 0, mpeg2video, Simple, Main,      25.0,   false, 2000000,  4:3",
        "4:2:2 profile,         720,  608,  2, 3, 125000,  0x85, 0, 0, 0, mpeg2video, 4:2:2,  Main,      25.0,   true,  50000000, 4:3",
        "frame rate extension,  720,  576,  1, 3, 24500,   0x48, 1, 1, 0, mpeg2video, Main,   Main,      50.0,   false, 9800000,  ''",
        "size extension bits,   4200, 4100, 1, 3, 24500,   0x14, 1, 0, 0, mpeg2video, High,   High,      25.0,   false, 9800000,  ''",
        "VBR marker,            720,  576,  2, 3, 0x3ffff, 0x48, 1, 0, 0, mpeg2video, Main,   Main,      25.0,   false, 0,        4:3",
        "MPEG-1 SIF,            352,  240,  12, 4, 5800,   -1,   1, 0, 0, mpeg1video, '',     '',        29.97,  false, 2320000,  ''",
        "MPEG-1 VBR,            320,  240,  1, 3, 0x3ffff, -1,   1, 0, 0, mpeg1video, '',     '',        25.0,   false, 0,        ''",
    })
    void parsesSequenceHeaders(String name, int width, int height, int aspect, int rateCode, String bitrateValue,
                               String profileAndLevel, int progressive, int rateN, int rateD, String codec,
                               String profile, String level, double fps, boolean interlaced, long bitrate,
                               String displayAspect) {
        byte[] data = stream(width, height, aspect, rateCode, Long.decode(bitrateValue), false,
                Integer.decode(profileAndLevel), progressive, rateN, rateD);
        Mpeg2SequenceHeader h = Mpeg2SequenceHeader.find(data, data.length, false).orElseThrow();
        assertEquals(codec, h.codecName());
        assertEquals(width, h.width());
        assertEquals(height, h.height());
        assertEquals(optional(profile), h.profileName());
        assertEquals(optional(level), h.levelName());
        assertEquals(fps, h.frameRateIfKnown().orElseThrow());
        assertEquals(interlaced, h.interlaced());
        assertEquals(bitrate, h.bitrate());
        assertEquals(optional(displayAspect), h.displayAspectRatio());
    }

    @Test
    void skipsQuantiserMatricesToFindTheExtension() {
        byte[] data = stream(720, 576, 2, 3, 24500, true, 0x48, 0, 0, 0);
        Mpeg2SequenceHeader h = Mpeg2SequenceHeader.find(data, data.length, false).orElseThrow();
        assertTrue(h.mpeg2());
        assertEquals(Optional.of("Main"), h.profileName());
    }

    @Test
    void findsTheHeaderAfterOtherStartCodes() {
        byte[] header = stream(720, 576, 2, 3, 24500, false, 0x48, 0, 0, 0);
        byte[] data = new byte[20 + header.length];
        data[2] = 1; // 00 00 01 00: a picture start code before the sequence header
        System.arraycopy(header, 0, data, 20, header.length);
        assertEquals(720, Mpeg2SequenceHeader.find(data, data.length, false).orElseThrow().width());
    }

    @Test
    void waitsForTheBytesThatTellMpeg1FromMpeg2() {
        byte[] data = stream(720, 576, 2, 3, 24500, false, 0x48, 0, 0, 0);
        int headerOnly = 12; // start code + 8 bytes of fields, no start code after it
        assertFalse(Mpeg2SequenceHeader.find(data, headerOnly, false).isPresent());
        assertFalse(Mpeg2SequenceHeader.find(data, headerOnly, true).isPresent(), "cannot tell, even at the end");
        int cutExtension = 12 + 6; // the extension's start code but not all its bytes
        assertFalse(Mpeg2SequenceHeader.find(data, cutExtension, false).isPresent());
        assertEquals("mpeg2video", Mpeg2SequenceHeader.find(data, data.length, false).orElseThrow().codecName());
    }

    @Test
    void rejectsDamagedHeaders() {
        assertFalse(Mpeg2SequenceHeader.find(stream(0, 576, 2, 3, 24500, false, 0x48, 0, 0, 0), 40, true)
                .isPresent(), "zero width");
        assertFalse(Mpeg2SequenceHeader.find(stream(720, 576, 0, 3, 24500, false, 0x48, 0, 0, 0), 40, true)
                .isPresent(), "forbidden aspect ratio code 0");
        byte[] noMarker = stream(720, 576, 2, 3, 24500, false, 0x48, 0, 0, 0);
        noMarker[10] &= ~0x20; // the marker bit after bit_rate_value
        assertFalse(Mpeg2SequenceHeader.find(noMarker, noMarker.length, true).isPresent(), "marker bit");
        assertFalse(Mpeg2SequenceHeader.find(new byte[] {0, 0, 1, (byte) 0xb3, 1}, 5, true).isPresent(), "cut");
        assertFalse(Mpeg2SequenceHeader.find(new byte[100], 100, true).isPresent(), "zeros");
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
