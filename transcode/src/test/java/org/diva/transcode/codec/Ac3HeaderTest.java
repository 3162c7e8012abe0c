package org.diva.transcode.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ac3HeaderTest {

    static byte[] ac3(int fscod, int frmsizecod, int bsid, int acmod, int lfe) {
        Bits b = new Bits().put(16, 0x0b77).put(16, 0).put(2, fscod).put(6, frmsizecod).put(5, bsid).put(3, 0)
                .put(3, acmod);
        if ((acmod & 1) != 0 && acmod != 1) {
            b.put(2, 0);
        }
        if ((acmod & 4) != 0) {
            b.put(2, 0);
        }
        if (acmod == 2) {
            b.put(2, 0);
        }
        return b.put(1, lfe).put(16, 0).toBytes();
    }

    static byte[] eac3(int streamType, int frmsiz, int fscod, int blocksOrFscod2, int acmod, int lfe) {
        return new Bits().put(16, 0x0b77).put(2, streamType).put(3, 0).put(11, frmsiz).put(2, fscod)
                .put(2, blocksOrFscod2).put(3, acmod).put(1, lfe).put(5, 16).put(16, 0).toBytes();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // case,                     fscod, frmsizecod, bsid, acmod, lfe, rate,  channels, bitrate, frame bytes
        "5.1 448k 48k,               0, 30, 8, 7, 1, 48000, 6, 448000, 1792",
        "stereo 192k 44.1k odd code, 1, 21, 8, 2, 0, 44100, 2, 192000, 836",
        "stereo 192k 44.1k even,     1, 20, 8, 2, 0, 44100, 2, 192000, 834",
        "mono 96k 32k,               2, 12, 8, 1, 0, 32000, 1, 96000,  576",
        "dual mono 1+1,              0, 8,  8, 0, 0, 48000, 2, 64000,  256",
        "3/2 without LFE 640k,       0, 36, 6, 7, 0, 48000, 5, 640000, 2560",
        "2/1 with LFE,               0, 16, 8, 4, 1, 48000, 4, 128000, 512",
        "3/0 with LFE,               0, 16, 8, 3, 1, 48000, 4, 128000, 512",
        "half-rate bsid 9,           0, 16, 9, 2, 0, 24000, 2, 64000,  512",
    })
    void parsesAc3(String name, int fscod, int frmsizecod, int bsid, int acmod, int lfe, int rate, int channels,
                   int bitrate, int frameBytes) {
        byte[] h = ac3(fscod, frmsizecod, bsid, acmod, lfe);
        Ac3Header parsed = Ac3Header.parse(h, 0, h.length).orElseThrow();
        assertEquals("ac3", parsed.codecName());
        assertEquals(rate, parsed.sampleRate());
        assertEquals(channels, parsed.channels());
        assertEquals(lfe == 1, parsed.lfe());
        assertEquals(bitrate, parsed.bitrate());
        assertEquals(frameBytes, parsed.frameLength());
        assertEquals(1536, parsed.samplesPerFrame());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // case,                     type, frmsiz, fscod, blocks, acmod, lfe, rate, channels, bitrate, bytes, samples
        "5.1 384k 48k six blocks,    0, 767, 0, 3, 7, 1, 48000, 6, 384000, 1536, 1536",
        "stereo one block,           0, 95,  0, 0, 2, 0, 48000, 2, 288000, 192,  256",
        "reduced rate 22.05k,        0, 383, 3, 1, 2, 0, 22050, 2, 88200,  768,  1536",
        "mono 32k three blocks,      2, 191, 2, 2, 1, 0, 32000, 1, 128000, 384,  768",
    })
    void parsesEac3(String name, int type, int frmsiz, int fscod, int blocks, int acmod, int lfe, int rate,
                    int channels, int bitrate, int frameBytes, int samples) {
        byte[] h = eac3(type, frmsiz, fscod, blocks, acmod, lfe);
        Ac3Header parsed = Ac3Header.parse(h, 0, h.length).orElseThrow();
        assertEquals("eac3", parsed.codecName());
        assertEquals(rate, parsed.sampleRate());
        assertEquals(channels, parsed.channels());
        assertEquals(bitrate, parsed.bitrate());
        assertEquals(frameBytes, parsed.frameLength());
        assertEquals(samples, parsed.samplesPerFrame());
        assertFalse(parsed.dependent());
    }

    @Test
    void rejectsReservedValues() {
        byte[][] invalid = {
            ac3(3, 16, 8, 2, 0),          // reserved fscod
            ac3(0, 38, 8, 2, 0),          // frmsizecod past the table
            ac3(0, 16, 20, 2, 0),         // bsid neither AC-3 nor E-AC-3
            eac3(3, 95, 0, 3, 2, 0),      // reserved stream type
            eac3(0, 95, 3, 3, 2, 0),      // reserved fscod2
        };
        for (byte[] h : invalid) {
            assertEquals(Optional.empty(), Ac3Header.parse(h, 0, h.length));
        }
        byte[] h = ac3(0, 16, 8, 2, 0);
        assertEquals(Optional.empty(), Ac3Header.parse(h, 0, 7), "cut short");
        h[1] = 0x78;
        assertEquals(Optional.empty(), Ac3Header.parse(h, 0, h.length), "no sync word");
    }

    @Test
    void dependentSubstreamsConfirmButAreNeitherReportedNorCounted() {
        byte[] independent = Bits.padTo(eac3(0, 95, 0, 0, 7, 1), 192);
        byte[] dependent = Bits.padTo(eac3(1, 95, 0, 0, 2, 0), 192);
        byte[] data = new byte[4 * 192];
        System.arraycopy(dependent, 0, data, 0, 192); // the data starts mid-programme, at a dependent frame
        System.arraycopy(independent, 0, data, 192, 192);
        System.arraycopy(dependent, 0, data, 384, 192);
        System.arraycopy(independent, 0, data, 576, 192);
        assertTrue(Ac3Header.parse(data, 0, data.length).orElseThrow().dependent());
        Ac3Header found = Ac3Header.find(data, data.length, false).orElseThrow();
        assertEquals(6, found.channels());
        assertFalse(found.dependent());
        assertEquals(2 * 256, Ac3Header.countSamples(data, data.length));
    }

    @Test
    void findConfirmsByTheNextFrame() {
        byte[] frame = Bits.padTo(ac3(0, 8, 8, 2, 0), 256);
        assertTrue(Ac3Header.find(frame, frame.length, false).isEmpty());
        assertTrue(Ac3Header.find(frame, frame.length, true).isPresent());
        byte[] two = Bits.repeat(frame, 2);
        assertEquals(2, Ac3Header.find(two, two.length, false).orElseThrow().channels());
        assertEquals(2 * 1536, Ac3Header.countSamples(two, two.length));
    }
}
