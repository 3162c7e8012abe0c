package org.diva.transcode.mux.mp4;

import java.nio.ByteBuffer;
import java.util.Optional;

import org.diva.transcode.codec.AacConfig;
import org.diva.transcode.codec.H264Sps;
import org.diva.transcode.codec.MpegAudioHeader;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Ticks;

/**
 * What one codec needs in an MP4: its sample description ('stsd' entry), its samples' form and its media timescale.
 *
 * <p>Video counts time at 90 kHz, DiVA's own clock, so decoding times pass through exactly; audio counts samples
 * (the sample rate), as ffmpeg does and as players expect, so every AAC frame lasts exactly 1024.
 */
abstract class SampleEntry {
    static final String CODECS = "h264, aac, mp3, mp2 and ac3";

    final ElementaryStream stream;

    SampleEntry(ElementaryStream stream) {
        this.stream = stream;
    }

    /** The entry for a stream; IllegalArgumentException for a codec MP4 output does not carry. */
    static SampleEntry of(ElementaryStream stream) {
        return switch (stream.codec()) {
            case "h264" -> new AvcEntry(stream);
            case "aac", "mp3", "mp2", "ac3" -> new AudioEntry(stream);
            default -> throw new IllegalArgumentException("stream " + stream.index() + " is " + stream.codec()
                    + ", which DiVA's MP4 output does not carry; MP4 output carries " + CODECS);
        };
    }

    /** One packet's payload as an MP4 sample. */
    abstract byte[] sample(ByteBuffer payload) throws MediaFormatException;

    /** Writes the sample description, or says why it cannot be written. */
    abstract void write(BoxBuffer b, int trackId) throws MediaFormatException;

    abstract long timescale();

    /** The picture size for the track header; 0 for audio. */
    int width() {
        return 0;
    }

    int height() {
        return 0;
    }

    /** How long a sample lasts when nothing says, in ticks. */
    abstract long defaultDuration();

    static byte[] copy(ByteBuffer payload) {
        byte[] b = new byte[payload.remaining()];
        payload.duplicate().get(b);
        return b;
    }

    /** The 'avc1' entry (ISO/IEC 14496-15 section 5.4.2.1) over a visual sample entry (14496-12 section 12.1.3). */
    static final class AvcEntry extends SampleEntry {
        private final AvcSamples samples;

        AvcEntry(ElementaryStream stream) {
            super(stream);
            this.samples = new AvcSamples(stream.codecPrivate());
        }

        @Override
        byte[] sample(ByteBuffer payload) throws MediaFormatException {
            return samples.sample(payload);
        }

        @Override
        void write(BoxBuffer b, int trackId) throws MediaFormatException {
            if (!samples.hasParameterSets()) {
                throw new MediaFormatException("H.264 stream " + stream.index()
                        + " carries no sequence or picture parameter set before its first picture; it cannot be "
                        + "described in MP4");
            }
            int box = b.begin("avc1");
            b.zeros(6);
            b.u16(1); // data_reference_index
            b.zeros(16); // pre_defined, reserved
            b.u16(width());
            b.u16(height());
            b.u32(0x00480000); // 72 dpi
            b.u32(0x00480000);
            b.u32(0);
            b.u16(1); // frame_count
            b.zeros(32); // compressorname
            b.u16(0x18); // depth
            b.u16(0xffff); // pre_defined -1
            samples.writeAvcC(b);
            b.end(box);
        }

        @Override
        long timescale() {
            return Ticks.PER_SECOND;
        }

        @Override
        int width() {
            return stream.width() > 0 ? stream.width() : samples.firstSps().map(H264Sps::width).orElse(0);
        }

        @Override
        int height() {
            return stream.height() > 0 ? stream.height() : samples.firstSps().map(H264Sps::height).orElse(0);
        }

        @Override
        long defaultDuration() {
            return Ticks.PER_SECOND / 25;
        }
    }

    /**
     * Audio: 'mp4a' with an 'esds' (ISO/IEC 14496-14 section 5.6) for AAC, MP3 and MP2; 'ac-3' with a 'dac3'
     * (ETSI TS 102 366 annex F) for AC-3.
     */
    static final class AudioEntry extends SampleEntry {
        private final Optional<AacConfig> aac;
        private Optional<Ac3Specific> ac3 = Optional.empty();
        private Optional<MpegAudioHeader> mpeg = Optional.empty();

        AudioEntry(ElementaryStream stream) {
            super(stream);
            if (stream.codec().equals("aac")) {
                aac = AacConfig.parse(stream.codecPrivateBytes());
                if (aac.isEmpty()) {
                    throw new IllegalArgumentException("AAC stream " + stream.index()
                            + " has no readable AudioSpecificConfig as its codec private data; MP4 needs it");
                }
            } else {
                aac = Optional.empty();
            }
        }

        @Override
        byte[] sample(ByteBuffer payload) throws MediaFormatException {
            byte[] frame = copy(payload);
            if (stream.codec().equals("ac3") && ac3.isEmpty()) {
                ac3 = Optional.of(Ac3Specific.of(frame, stream.index()));
            } else if (stream.codec().startsWith("mp") && mpeg.isEmpty()) {
                mpeg = MpegAudioHeader.parse(frame, 0, frame.length);
            }
            return frame;
        }

        int sampleRate() {
            if (stream.sampleRate() > 0) {
                return stream.sampleRate();
            }
            return aac.map(AacConfig::sampleRate)
                    .or(() -> ac3.map(Ac3Specific::sampleRate))
                    .or(() -> mpeg.map(MpegAudioHeader::sampleRate))
                    .orElse(48000);
        }

        @Override
        void write(BoxBuffer b, int trackId) throws MediaFormatException {
            boolean isAc3 = stream.codec().equals("ac3");
            if (isAc3 && ac3.isEmpty()) {
                throw new MediaFormatException("AC-3 stream " + stream.index() + " has no frame to describe it");
            }
            int channels = stream.channels() > 0 ? stream.channels()
                    : aac.map(AacConfig::channels).or(() -> mpeg.map(MpegAudioHeader::channels)).orElse(2);
            int box = b.begin(isAc3 ? "ac-3" : "mp4a");
            b.zeros(6);
            b.u16(1); // data_reference_index
            b.zeros(8);
            b.u16(isAc3 ? 2 : channels); // TS 102 366 F.4: ignored for AC-3, set to 2; dac3 carries the layout
            b.u16(16); // samplesize
            b.zeros(4);
            int rate = sampleRate();
            b.u32(rate < 0x10000 ? (long) rate << 16 : 0); // 16.16; the timescale carries higher rates
            if (isAc3) {
                ac3.get().write(b);
            } else {
                Esds.write(b, trackId, objectType(), aac.isPresent() ? stream.codecPrivateBytes() : new byte[0]);
            }
            b.end(box);
        }

        /**
         * ObjectTypeIndication (14496-1 table 5): 0x40 for AAC; 0x6B (ISO/IEC 11172-3) for MP3 and MP2 at the
         * MPEG-1 rates, 0x69 (13818-3) for the MPEG-2 half rates, which is what ffmpeg writes.
         */
        private int objectType() {
            if (aac.isPresent()) {
                return 0x40;
            }
            return sampleRate() > 24000 ? 0x6b : 0x69;
        }

        @Override
        long timescale() {
            return sampleRate();
        }

        @Override
        long defaultDuration() {
            int frame = switch (stream.codec()) {
                case "aac" -> 1024;
                case "ac3" -> 1536;
                default -> mpeg.map(MpegAudioHeader::samplesPerFrame).orElse(1152);
            };
            return frame * Ticks.PER_SECOND / sampleRate();
        }
    }
}
