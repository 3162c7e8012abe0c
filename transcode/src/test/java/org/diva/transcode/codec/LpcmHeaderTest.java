package org.diva.transcode.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LpcmHeaderTest {

    @ParameterizedTest(name = "DVD format byte {0}")
    @CsvSource({
        // format byte (quantisation 2 bits, rate 2 bits, reserved, channels - 1), rate, channels, bits
        "0x01, 48000, 2, 16",
        "0x00, 48000, 1, 16",
        "0x15, 96000, 6, 16",
        "0x41, 48000, 2, 20",
        "0x87, 48000, 8, 24",
        "0x21, 44100, 2, 16",
        "0x31, 32000, 2, 16",
    })
    void parsesDvdHeaders(String format, int rate, int channels, int bits) {
        // frame count, first access unit pointer (2), emphasis/mute/frame number, format, dynamic range
        byte[] header = {1, 0, 4, 0, (byte) (int) Integer.decode(format), (byte) 0x80};
        LpcmHeader h = LpcmHeader.parseDvd(header, 0, header.length).orElseThrow();
        assertEquals(new LpcmHeader(rate, channels, bits), h);
        assertEquals((long) rate * channels * bits, h.bitrate());
    }

    @ParameterizedTest(name = "Blu-ray layout {0} rate {1} bits {2}")
    @CsvSource({
        // channel assignment, rate code, bits code, rate, channels, bits
        "1,  1, 1, 48000,  1, 16",
        "3,  1, 1, 48000,  2, 16",
        "9,  4, 3, 96000,  6, 24",
        "11, 5, 2, 192000, 8, 20",
    })
    void parsesBlurayHeaders(int layout, int rateCode, int bitsCode, int rate, int channels, int bits) {
        byte[] header = {0x03, (byte) 0xc0, (byte) (layout << 4 | rateCode), (byte) (bitsCode << 6)};
        assertEquals(Optional.of(new LpcmHeader(rate, channels, bits)), LpcmHeader.parseBluray(header, 0, 4));
    }

    @Test
    void rejectsReservedAndShortHeaders() {
        assertEquals(Optional.empty(), LpcmHeader.parseDvd(new byte[] {1, 0, 4, 0, (byte) 0xc1, 0}, 0, 6),
                "quantisation 3");
        assertEquals(Optional.empty(), LpcmHeader.parseDvd(new byte[5], 0, 5), "short");
        assertEquals(Optional.empty(), LpcmHeader.parseBluray(new byte[] {0, 0, 0x32, 0x40}, 0, 4), "rate 2");
        assertEquals(Optional.empty(), LpcmHeader.parseBluray(new byte[] {0, 0, 0x21, 0x40}, 0, 4), "layout 2");
        assertEquals(Optional.empty(), LpcmHeader.parseBluray(new byte[] {0, 0, 0x31, 0x00}, 0, 4), "bits 0");
        assertEquals(Optional.empty(), LpcmHeader.parseBluray(new byte[3], 0, 3), "short");
    }
}
