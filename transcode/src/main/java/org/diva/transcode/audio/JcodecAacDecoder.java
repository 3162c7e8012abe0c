package org.diva.transcode.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

import org.diva.transcode.codec.AacConfig;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;

import net.sourceforge.jaad.aac.AACException;
import net.sourceforge.jaad.aac.AACDecoderConfig;
import net.sourceforge.jaad.aac.SampleBuffer;
import net.sourceforge.jaad.aac.filterbank.FilterBank;
import net.sourceforge.jaad.aac.syntax.BitStream;
import net.sourceforge.jaad.aac.syntax.SyntacticElements;

/**
 * Decodes AAC-LC raw access units (the normalised payload of {@link ElementaryStream}) with the JAAD decoder inside
 * JCodec 0.2.5. JAAD's steps (parse, filterbank, output) are driven here rather than through its {@code Decoder}, so
 * that {@link JaadNoiseFill} can repair noise substitution between parsing and the filterbank.
 *
 * <p>HE-AAC (SBR, PS) is refused: JAAD runs the core at the output rate when SBR is signalled explicitly, which
 * gives garbage, and its implicit SBR/PS path cannot be verified here (no free HE-AAC encoder); implicit SBR is
 * caught when the output rate or channel count departs from the configuration. JAAD's output is 16-bit
 * interleaved in AAC channel order (centre first); it is reordered to WAVE order. JAAD has no static mutable state
 * besides the broken noise generator, whose output is always overwritten, so decoders on different threads are
 * independent ({@code AudioDecodersTest} checks it).
 */
final class JcodecAacDecoder implements AudioDecoder {
    /**
     * Where each AAC channel (ISO/IEC 14496-3 table 1.19: centre first, then front pairs, surround pairs, LFE last)
     * goes in WAVE order (L, R, C, LFE, Ls, Rs, ...), by channel count.
     */
    private static final int[][] WAVE_POSITION = {
        {}, {0}, {0, 1}, {2, 0, 1}, {2, 0, 1, 3}, {2, 0, 1, 3, 4}, {2, 0, 1, 4, 5, 3}, {}, {2, 0, 1, 4, 5, 6, 7, 3},
    };

    private final SyntacticElements elements;
    private final FilterBank filterBank;
    private final JaadNoiseFill noiseFill = new JaadNoiseFill();
    private final int sampleRate;
    private final int channels;
    private final Timeline timeline;
    private final SampleBuffer output = new SampleBuffer();

    JcodecAacDecoder(ElementaryStream stream) throws MediaFormatException {
        byte[] asc = stream.codecPrivateBytes();
        AacConfig config = AacConfig.parse(asc).orElseThrow(() -> new MediaFormatException(
                "AAC stream " + stream.index() + " has no readable AudioSpecificConfig (" + asc.length + " bytes)"));
        if (config.objectType() != 2) {
            throw new UnsupportedAudioException("AAC " + config.profileName() + " (object type " + config.objectType()
                    + ") in stream " + stream.index() + " is not supported; only AAC-LC decodes faithfully");
        }
        int count = config.channels();
        if (count < 1 || count >= WAVE_POSITION.length || WAVE_POSITION[count].length == 0) {
            throw new UnsupportedAudioException("AAC stream " + stream.index() + " has channel configuration "
                    + config.channels() + " channels; only channel configurations 1..7 are supported");
        }
        try {
            AACDecoderConfig jaadConfig = AACDecoderConfig.parseMP4DecoderSpecificInfo(asc);
            this.elements = new SyntacticElements(jaadConfig);
            this.filterBank = new FilterBank(jaadConfig.isSmallFrameUsed(),
                    jaadConfig.getChannelConfiguration().getChannelCount());
        } catch (AACException | RuntimeException e) {
            throw new UnsupportedAudioException("AAC stream " + stream.index() + ": " + e.getMessage(), e);
        }
        this.sampleRate = config.sampleRate();
        this.channels = config.channels();
        this.timeline = new Timeline(sampleRate);
    }

    @Override
    public Optional<PcmBlock> decode(Packet packet) throws MediaFormatException {
        ByteBuffer data = packet.data().duplicate();
        int length = data.remaining();
        if (length == 0) {
            return Optional.empty();
        }
        byte[] unit = new byte[length]; // JAAD reads the whole array as the unit
        data.get(unit);
        long pts = timeline.start(packet.pts());
        float[] samples = decodeUnit(unit, pts);
        timeline.advance(samples.length / channels);
        return Optional.of(new PcmBlock(pts, sampleRate, channels, samples));
    }

    private float[] decodeUnit(byte[] unit, long pts) throws MediaFormatException {
        try {
            elements.startNewFrame();
            elements.decode(BitStream.createBitStream(unit));
            noiseFill.apply(elements);
            elements.process(filterBank);
            elements.sendToOutput(output);
        } catch (AACException | RuntimeException e) {
            throw new MediaFormatException("AAC access unit at " + pts + " ticks (" + unit.length
                    + " bytes) is damaged: " + e.getMessage(), e);
        }
        int outChannels = output.getChannels();
        int outRate = output.getSampleRate();
        if (outChannels != channels || outRate != sampleRate) {
            throw new UnsupportedAudioException("AAC stream carries SBR/PS (HE-AAC): it decodes to " + outRate
                    + " Hz, " + outChannels + " channels instead of the configured " + sampleRate + " Hz, " + channels
                    + "; HE-AAC is not supported by the pure-Java decoder");
        }
        ByteBuffer pcm = ByteBuffer.wrap(output.getData())
                .order(output.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int perChannel = pcm.remaining() / 2 / channels;
        float[] samples = new float[perChannel * channels];
        int[] order = WAVE_POSITION[channels];
        for (int i = 0; i < perChannel; i++) {
            for (int ch = 0; ch < channels; ch++) {
                samples[i * channels + order[ch]] = pcm.getShort() / 32768f;
            }
        }
        return samples;
    }
}
