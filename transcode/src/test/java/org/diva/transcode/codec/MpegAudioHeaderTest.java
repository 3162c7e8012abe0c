package org.diva.transcode.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MpegAudioHeaderTest {

    /** Header fields: version bits (3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5), layer bits (3 = I, 2 = II, 1 = III). */
    static byte[] header(int versionBits, int layerBits, int bitrateIndex, int rateIndex, int padding, int mode) {
        return new Bits().put(11, 0x7ff).put(2, versionBits).put(2, layerBits).put(1, 1)
                .put(4, bitrateIndex).put(2, rateIndex).put(1, padding).put(1, 0)
                .put(2, mode).put(2, 0).put(1, 0).put(1, 1).put(2, 0).toBytes();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // case,                       ver, layer, br, rate, pad, mode, codec, version, bitrate, sampleRate, channels, frameLength, samples
        "MPEG-1 layer III 128k 44.1k,    3, 1, 9,  0, 0, 0, mp3, 1,  128000, 44100, 2, 417, 1152",
        "MPEG-1 layer III padded,        3, 1, 9,  0, 1, 1, mp3, 1,  128000, 44100, 2, 418, 1152",
        "MPEG-1 layer III 320k 48k mono, 3, 1, 14, 1, 0, 3, mp3, 1,  320000, 48000, 1, 960, 1152",
        "MPEG-1 layer II 64k 48k,        3, 2, 4,  1, 0, 0, mp2, 1,  64000,  48000, 2, 192, 1152",
        "MPEG-1 layer II 384k 32k,       3, 2, 14, 2, 0, 2, mp2, 1,  384000, 32000, 2, 1728, 1152",
        "MPEG-1 layer I 384k 48k,        3, 3, 12, 1, 0, 0, mp1, 1,  384000, 48000, 2, 384, 384",
        "MPEG-2 layer III 32k 22.05k,    2, 1, 4,  0, 0, 3, mp3, 2,  32000,  22050, 1, 104, 576",
        "MPEG-2 layer II 160k 24k,       2, 2, 14, 1, 0, 0, mp2, 2,  160000, 24000, 2, 960, 1152",
        "MPEG-2 layer I 256k 16k,        2, 3, 14, 2, 0, 0, mp1, 2,  256000, 16000, 2, 768, 384",
        "MPEG-2.5 layer III 8k 8k,       0, 1, 1,  2, 0, 3, mp3, 25, 8000,   8000,  1, 72, 576",
    })
    void parsesFrameHeaders(String name, int versionBits, int layerBits, int bitrateIndex, int rateIndex,
                            int padding, int mode, String codec, int version, int bitrate, int sampleRate,
                            int channels, int frameLength, int samples) {
        byte[] h = header(versionBits, layerBits, bitrateIndex, rateIndex, padding, mode);
        MpegAudioHeader parsed = MpegAudioHeader.parse(h, 0, h.length).orElseThrow();
        assertEquals(codec, parsed.codecName());
        assertEquals(version, parsed.version());
        assertEquals(bitrate, parsed.bitrate());
        assertEquals(sampleRate, parsed.sampleRate());
        assertEquals(channels, parsed.channels());
        assertEquals(frameLength, parsed.frameLength());
        assertEquals(samples, parsed.samplesPerFrame());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "reserved version,     1, 1, 9,  0",
        "reserved layer,       3, 0, 9,  0",
        "free format bitrate,  3, 1, 0,  0",
        "bad bitrate index,    3, 1, 15, 0",
        "reserved sample rate, 3, 1, 9,  3",
    })
    void rejectsReservedValues(String name, int versionBits, int layerBits, int bitrateIndex, int rateIndex) {
        byte[] h = header(versionBits, layerBits, bitrateIndex, rateIndex, 0, 0);
        assertEquals(Optional.empty(), MpegAudioHeader.parse(h, 0, h.length));
    }

    @Test
    void rejectsWhatIsNoHeader() {
        byte[] h = header(3, 1, 9, 0, 0, 0);
        assertEquals(Optional.empty(), MpegAudioHeader.parse(h, 0, 3), "cut short");
        byte[] shifted = new byte[5];
        System.arraycopy(h, 0, shifted, 1, 4);
        assertEquals(Optional.empty(), MpegAudioHeader.parse(shifted, 0, 5), "no sync word");
        assertEquals(Optional.empty(), MpegAudioHeader.parse(h, 0, 5), "limit past the array");
    }

    @Test
    void findConfirmsASyncByTheNextFrame() {
        byte[] frame = Bits.padTo(header(3, 2, 4, 1, 0, 0), 192);
        byte[] lone = Bits.padTo(frame, 192 + 50);
        assertTrue(MpegAudioHeader.find(lone, lone.length, false).isEmpty(), "a lone header is not believed");
        assertTrue(MpegAudioHeader.find(frame, frame.length, true).isPresent(),
                "a last frame that fills the data exactly is believed at the end of the stream");

        byte[] stream = new byte[7 + 3 * 192];
        // a valid-looking layer III header whose frame length (417) lands on no frame: a false sync
        System.arraycopy(header(3, 1, 9, 0, 0, 0), 0, stream, 0, 4);
        System.arraycopy(Bits.repeat(frame, 3), 0, stream, 7, 3 * 192);
        assertEquals(2, MpegAudioHeader.find(stream, stream.length, false).orElseThrow().channels());
        assertEquals(3 * 1152, MpegAudioHeader.countSamples(stream, stream.length));
        assertEquals(2 * 1152, MpegAudioHeader.countSamples(stream, stream.length - 1), "a cut frame is not counted");
    }
}
