package org.diva.transcode.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

import org.diva.transcode.codec.MpegAudioHeader;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;

import org.jcodec.codecs.mpa.Mp3Decoder;

/**
 * Decodes MPEG audio layer III frames (a packet holds whole frames) with JCodec 0.2.5's MP3 decoder.
 *
 * <p>JCodec's short-block IMDCT ({@code Mp3Mdct.threeShort}) keeps its scratch array in a static field, so two MP3
 * decoders running at once corrupt each other's short blocks. Every frame is therefore decoded under one lock
 * shared by all instances: the lock guards that library-wide array, the only shared state there is. JCodec does
 * not decode intensity stereo; such frames are refused with an {@link UnsupportedAudioException}.
 */
final class JcodecMp3Decoder implements AudioDecoder {
    /** Guards JCodec's static IMDCT scratch array; see the class comment. Holds no state itself. */
    private static final Object JCODEC_MDCT_LOCK = new Object();

    private final Mp3Decoder decoder = new Mp3Decoder();
    private final ByteBuffer output = ByteBuffer.allocate(1152 * 2 * 2).order(ByteOrder.LITTLE_ENDIAN);
    private Timeline timeline;
    private int sampleRate;
    private int channels;
    private byte[] bytes = new byte[0];

    @Override
    public Optional<PcmBlock> decode(Packet packet) throws MediaFormatException {
        ByteBuffer data = packet.data().duplicate();
        int length = data.remaining();
        if (bytes.length < length) {
            bytes = new byte[length];
        }
        data.get(bytes, 0, length);
        float[] samples = new float[0];
        int offset = 0;
        long pts = Long.MIN_VALUE;
        while (offset < length) {
            int at = offset;
            MpegAudioHeader header = MpegAudioHeader.parse(bytes, offset, length).orElseThrow(
                    () -> new MediaFormatException("no MPEG audio frame header at byte " + at + " of an MP3 packet at "
                            + packet.pts() + " ticks"));
            int end = offset + header.frameLength();
            if (header.layer() != 3 || end > length) {
                throw new MediaFormatException("MP3 packet at " + packet.pts() + " ticks: " + (header.layer() != 3
                        ? "layer " + header.layer() + " frame" : "frame truncated at byte " + length + " of " + end));
            }
            if (timeline == null) {
                sampleRate = header.sampleRate();
                channels = header.channels();
                timeline = new Timeline(sampleRate);
            } else if (header.sampleRate() != sampleRate || header.channels() != channels) {
                throw new UnsupportedAudioException("MP3 changes from " + sampleRate + " Hz/" + channels + " ch to "
                        + header.sampleRate() + " Hz/" + header.channels() + " ch mid-stream");
            }
            if (pts == Long.MIN_VALUE) {
                pts = timeline.start(packet.pts());
            }
            if (!isInfoFrame(bytes, offset, end)) {
                samples = append(samples, decodeFrame(ByteBuffer.wrap(bytes, offset, header.frameLength()), packet));
            }
            offset = end;
        }
        if (samples.length == 0) {
            return Optional.empty();
        }
        timeline.advance(samples.length / channels);
        return Optional.of(new PcmBlock(pts, sampleRate, channels, samples));
    }

    private float[] decodeFrame(ByteBuffer frame, Packet packet) throws MediaFormatException {
        output.clear();
        try {
            synchronized (JCODEC_MDCT_LOCK) {
                decoder.decodeFrame(frame, output);
            }
        } catch (RuntimeException | java.io.IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Intensity stereo")) {
                throw new UnsupportedAudioException("MP3 at " + packet.pts() + " ticks uses intensity stereo, which "
                        + "the pure-Java decoder cannot decode", e);
            }
            throw new MediaFormatException("MP3 frame at " + packet.pts() + " ticks is damaged: " + message, e);
        }
        float[] samples = new float[output.remaining() / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = output.getShort() / 32768f;
        }
        return samples;
    }

    /**
     * A Xing/Info frame (LAME's stream summary) is silence by construction and players drop it; ffmpeg does too, so
     * its samples would only shift the audio by a frame.
     */
    private static boolean isInfoFrame(byte[] data, int from, int to) {
        int limit = Math.min(to - 4, from + 4 + 32 + 4);
        for (int i = from + 4; i <= limit; i++) {
            if ((data[i] == 'X' && data[i + 1] == 'i' && data[i + 2] == 'n' && data[i + 3] == 'g')
                    || (data[i] == 'I' && data[i + 1] == 'n' && data[i + 2] == 'f' && data[i + 3] == 'o')) {
                return true;
            }
        }
        return false;
    }

    private static float[] append(float[] a, float[] b) {
        if (a.length == 0) {
            return b;
        }
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
