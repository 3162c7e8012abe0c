package org.diva.transcode.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdtsHeaderTest {

    static byte[] header(int profile, int rateIndex, int channelConfig, int frameLength, int blocks) {
        return new Bits().put(12, 0xfff).put(1, 0).put(2, 0).put(1, 1) // sync, MPEG-4, layer, no CRC
                .put(2, profile).put(4, rateIndex).put(1, 0).put(3, channelConfig).put(4, 0)
                .put(13, frameLength).put(11, 0x7ff).put(2, blocks - 1).toBytes();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // case,               profile bits, rate index, channel config, profile, rate, channels, blocks
        "LC 48k stereo,        1, 3,  2, LC,   48000, 2, 1",
        "LC 44.1k mono,        1, 4,  1, LC,   44100, 1, 1",
        "Main 96k 5.1,         0, 0,  6, Main, 96000, 6, 1",
        "LTP 8k 7.1,           3, 11, 7, LTP,  8000,  8, 1",
        "SSR 7.35k,            2, 12, 2, SSR,  7350,  2, 1",
        "channels in a PCE,    1, 3,  0, LC,   48000, 0, 1",
        "four raw blocks,      1, 3,  2, LC,   48000, 2, 4",
    })
    void parsesHeaders(String name, int profileBits, int rateIndex, int channelConfig, String profile, int rate,
                       int channels, int blocks) {
        byte[] h = header(profileBits, rateIndex, channelConfig, 300, blocks);
        AdtsHeader parsed = AdtsHeader.parse(h, 0, h.length).orElseThrow();
        assertEquals(profile, parsed.profileName());
        assertEquals(rate, parsed.sampleRate());
        assertEquals(channels, parsed.channels());
        assertEquals(300, parsed.frameLength());
        assertEquals(1024 * blocks, parsed.samplesPerFrame());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "reserved sample rate, 13, 300",
        "escape sample rate,   15, 300",
        "frame shorter than its header, 3, 6",
    })
    void rejectsInvalidHeaders(String name, int rateIndex, int frameLength) {
        byte[] h = header(1, rateIndex, 2, frameLength, 1);
        assertEquals(Optional.empty(), AdtsHeader.parse(h, 0, h.length));
    }

    @Test
    void rejectsMpegAudioLayers() {
        byte[] h = header(1, 3, 2, 300, 1);
        h[1] |= 0x02; // layer 01: an MPEG audio layer III header, not ADTS
        assertEquals(Optional.empty(), AdtsHeader.parse(h, 0, h.length));
    }

    @Test
    void findsConfirmedFramesAndCountsThem() {
        byte[] frame = Bits.padTo(header(1, 3, 2, 100, 1), 100);
        byte[] data = new byte[3 + 5 * 100];
        System.arraycopy(Bits.repeat(frame, 5), 0, data, 3, 500);
        assertEquals(48000, AdtsHeader.find(data, data.length, false).orElseThrow().sampleRate());
        assertEquals(5 * 1024, AdtsHeader.countSamples(data, data.length));
        assertTrue(AdtsHeader.find(frame, frame.length, false).isEmpty());
        assertTrue(AdtsHeader.find(frame, frame.length, true).isPresent());
    }
}
