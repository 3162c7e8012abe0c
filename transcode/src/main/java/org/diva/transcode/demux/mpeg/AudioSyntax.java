package org.diva.transcode.demux.mpeg;

import java.util.Optional;
import org.diva.transcode.codec.AacConfig;
import org.diva.transcode.codec.Ac3Header;
import org.diva.transcode.codec.AdtsHeader;
import org.diva.transcode.codec.MpegAudioHeader;

/** The self-synchronising audio framings an MPEG stream carries: ADTS AAC, AC-3/E-AC-3, MPEG audio layers I-III. */
enum AudioSyntax {
    ADTS, AC3, MPEG_AUDIO;

    /**
     * One frame's header as the framer needs it.
     *
     * @param length     bytes of the whole frame
     * @param skip       leading bytes to strip (the ADTS header), so the rest is the normalised payload
     * @param samples    samples per channel
     * @param config     AAC AudioSpecificConfig, else empty
     * @param dependent  an E-AC-3 dependent substream frame, which adds channels to the frame before it
     */
    record Frame(int length, int skip, int samples, int sampleRate, int channels, String codec, byte[] config,
                 boolean dependent) {
    }

    /** Bytes needed to read a header. */
    int headerSize() {
        return this == AC3 ? 8 : this == ADTS ? 7 : 4;
    }

    Optional<Frame> parse(byte[] b, int at, int limit) {
        return switch (this) {
            case ADTS -> AdtsHeader.parse(b, at, limit).map(h -> new Frame(h.frameLength(),
                    (b[at + 1] & 1) == 1 ? 7 : 9, h.samplesPerFrame(), h.sampleRate(), h.channels(), "aac",
                    audioSpecificConfig(h), false));
            case AC3 -> Ac3Header.parse(b, at, limit).map(h -> new Frame(h.frameLength(), 0, h.samplesPerFrame(),
                    h.sampleRate(), h.channels(), h.codecName(), new byte[0], h.dependent()));
            case MPEG_AUDIO -> MpegAudioHeader.parse(b, at, limit).map(h -> new Frame(h.frameLength(), 0,
                    h.samplesPerFrame(), h.sampleRate(), h.channels(), h.codecName(), new byte[0], false));
        };
    }

    /**
     * The two-byte AudioSpecificConfig (ISO/IEC 14496-3 section 1.6.2.1) an ADTS header implies: object type,
     * sampling frequency index, channel configuration, and a GASpecificConfig of zeros.
     */
    static byte[] audioSpecificConfig(AdtsHeader h) {
        int index = 0;
        while (index < 13 && AacConfig.sampleRateForIndex(index) != h.sampleRate()) {
            index++;
        }
        int channelConfig = h.channels() == 8 ? 7 : h.channels();
        int bits = h.objectType() << 11 | index << 7 | channelConfig << 3;
        return new byte[] {(byte) (bits >> 8), (byte) bits};
    }
}
