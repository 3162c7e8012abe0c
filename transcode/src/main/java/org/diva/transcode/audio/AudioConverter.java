package org.diva.transcode.audio;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.diva.transcode.audio.mp2.Mp2Encoder;
import org.diva.transcode.audio.mp2.Mp2Settings;
import org.diva.transcode.pipeline.PacketStage;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;

/**
 * Converts one audio stream (AAC or MP3 packets) into MP2 packets, incrementally, so the transcode pipeline can sit
 * it between a demuxer and an MPEG-TS muxer: push a packet, get zero or more MP2 frames; finish at the end. Its
 * methods have the shape of the pipeline's {@code PacketStage} (output, push, finish, close).
 *
 * <p>Timing. The stream is cut into segments of continuous audio. A segment starts at the pts of its first decoded
 * block; MP2 frame k of the segment gets that pts plus k x 1152 samples, computed from the sample count so rounding
 * never accumulates. The encoder's input starts {@link Mp2Encoder#CODEC_DELAY} samples into the segment, which
 * cancels the filterbank delay: what a decoder plays at a frame's pts is the source audio of that time (the first
 * 10 ms fade in). Within a segment, a block that starts late by more than {@value #TOLERANCE_MS} ms is preceded by
 * silence (up to {@value #MAX_SILENCE_MS} ms); one that overlaps what was already converted is trimmed. A larger
 * jump, or a change of sample rate or channel count, ends the segment (its tail is encoded) and starts a new one at
 * the new pts. Memory stays bounded by a few frames plus one decoded block.
 *
 * <p>Not thread-safe; one converter per stream.
 */
public final class AudioConverter implements PacketStage {
    private static final long TOLERANCE_MS = 20;
    private static final long MAX_SILENCE_MS = 5_000;
    private static final long MAX_OVERLAP_MS = 1_000;
    private static final int SILENCE_CHUNK = 4096;

    private final int sourceIndex;
    private final AudioDecoder decoder;
    private final Mp2Encoder encoder;
    private final ElementaryStream output;
    private final int rate;
    private final int channels;
    private final Mp2Fifo fifo;

    private Segment segment;
    private boolean closed;

    /** The source format a segment runs at, and how far it has got. */
    private static final class Segment {
        final long pts;
        final int sourceRate;
        final int sourceChannels;
        final Downmix downmix;
        final Optional<Resampler> resampler;
        long sourceSamples;
        long resampledSamples;

        Segment(long pts, int sourceRate, int sourceChannels, int rate, int channels) {
            this.pts = pts;
            this.sourceRate = sourceRate;
            this.sourceChannels = sourceChannels;
            this.downmix = Downmix.of(sourceChannels, channels);
            this.resampler = sourceRate == rate ? Optional.empty()
                    : Optional.of(new Resampler(sourceRate, rate, channels));
        }

        long expectedPts() {
            return pts + Ticks.fromTimescale(sourceSamples, sourceRate);
        }
    }

    /**
     * @param source      the audio stream to convert (codec aac or mp3)
     * @param target      the MP2 format to produce
     * @param outputIndex the stream index the MP2 packets carry
     * @throws UnsupportedAudioException when the source cannot be decoded faithfully
     */
    public AudioConverter(ElementaryStream source, Mp2Settings target, int outputIndex) throws MediaFormatException {
        this.sourceIndex = source.index();
        this.decoder = AudioDecoders.forStream(source);
        this.encoder = new Mp2Encoder(target);
        this.rate = target.sampleRate();
        this.channels = target.channels();
        this.output = ElementaryStream.audio(outputIndex, "mp2", ByteBuffer.allocate(0), rate, channels)
                .withLanguage(source.language());
        this.fifo = new Mp2Fifo(encoder, outputIndex);
    }

    /** A converter to what DLNA TVs take in MPEG-TS: 48 kHz MP2, stereo at 192 kb/s (mono at 96 kb/s). */
    public static AudioConverter forTransportStream(ElementaryStream source, int outputIndex)
            throws MediaFormatException {
        return new AudioConverter(source, Mp2Settings.standard(48000, source.channels() == 1 ? 1 : 2), outputIndex);
    }

    /** The MP2 stream the packets belong to. */
    public ElementaryStream output() {
        return output;
    }

    /** Decodes {@code packet} and returns the MP2 frames that are now complete. */
    public List<Packet> push(Packet packet) throws MediaFormatException {
        if (closed) {
            throw new IllegalStateException("the converter of stream " + sourceIndex + " is closed");
        }
        if (packet.stream() != sourceIndex) {
            throw new IllegalArgumentException("packet of stream " + packet.stream() + " given to the converter of "
                    + "stream " + sourceIndex);
        }
        Optional<PcmBlock> decoded = decoder.decode(packet);
        if (decoded.isEmpty()) {
            return List.of();
        }
        PcmBlock block = decoded.get();
        List<Packet> out = new ArrayList<>();
        float[] samples = block.samples();
        boolean formatChanged = segment != null
                && (block.sampleRate() != segment.sourceRate || block.channels() != segment.sourceChannels);
        if (formatChanged) {
            endSegment(out);
        }
        if (segment != null) {
            long drift = block.pts() - segment.expectedPts();
            long tolerance = Ticks.fromMillis(TOLERANCE_MS);
            if (drift > Ticks.fromMillis(MAX_SILENCE_MS) || drift < -Ticks.fromMillis(MAX_OVERLAP_MS)) {
                endSegment(out);
            } else if (drift > tolerance) {
                feedSilence(Ticks.toTimescale(drift, block.sampleRate()), out);
            } else if (drift < -tolerance) {
                int overlap = (int) Math.min(block.frames(), Ticks.toTimescale(-drift, block.sampleRate()));
                samples = java.util.Arrays.copyOfRange(samples, overlap * block.channels(), samples.length);
            }
        }
        if (segment == null) {
            segment = new Segment(block.pts(), block.sampleRate(), block.channels(), rate, channels);
            fifo.startSegment(block.pts(), rate);
        }
        feed(samples, out);
        return out;
    }

    /** The input has ended: encodes what is left (the tail padded with silence to whole frames). */
    public List<Packet> finish() {
        List<Packet> out = new ArrayList<>();
        if (segment != null) {
            endSegment(out);
        }
        return out;
    }

    /** Drops what is held, finished or not; the converter takes no more packets afterwards. */
    public void close() {
        segment = null;
        closed = true;
    }

    private void feed(float[] interleaved, List<Packet> out) {
        Segment s = segment;
        float[][] planar = s.downmix.apply(interleaved);
        s.sourceSamples += planar[0].length;
        if (s.resampler.isPresent()) {
            planar = s.resampler.get().process(planar);
        }
        s.resampledSamples += planar[0].length;
        fifo.add(planar, out);
    }

    private void feedSilence(long frames, List<Packet> out) {
        for (long left = frames; left > 0; left -= SILENCE_CHUNK) {
            feed(new float[(int) Math.min(left, SILENCE_CHUNK) * segment.sourceChannels], out);
        }
    }

    private void endSegment(List<Packet> out) {
        Segment s = segment;
        if (s.resampler.isPresent()) {
            float[][] tail = s.resampler.get().flush(s.sourceSamples, s.resampledSamples);
            fifo.add(tail, out);
        }
        fifo.endSegment(out);
        segment = null;
    }
}
