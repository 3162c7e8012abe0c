package org.diva.transcode.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.diva.transcode.codec.AdtsHeader;
import org.diva.transcode.codec.MpegAudioHeader;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;

/** Reads the audio fixtures into the normalised packets a demuxer would hand on. */
public final class AudioFixtures {
    public static final Path DIR = Path.of("src/test/resources/media/audio");

    private AudioFixtures() {
    }

    public record Track(ElementaryStream stream, List<Packet> packets) {
    }

    /** An ADTS file as raw AUs with an AudioSpecificConfig, pts counted from {@code firstPts}. */
    public static Track adts(Path file, long firstPts) throws IOException {
        byte[] data = Files.readAllBytes(file);
        List<Packet> packets = new ArrayList<>();
        AdtsHeader first = null;
        int offset = 0;
        long samples = 0;
        while (offset < data.length) {
            AdtsHeader h = AdtsHeader.parse(data, offset, data.length).orElseThrow();
            first = first == null ? h : first;
            int headerSize = (data[offset + 1] & 1) == 1 ? 7 : 9;
            ByteBuffer au = ByteBuffer.wrap(data, offset + headerSize, h.frameLength() - headerSize).slice();
            packets.add(new Packet(0, firstPts + Ticks.fromTimescale(samples, h.sampleRate()), Ticks.NONE,
                    Ticks.fromTimescale(1024, h.sampleRate()), true, au));
            samples += 1024;
            offset += h.frameLength();
        }
        int rateIndex = java.util.Arrays.asList(96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000,
                11025, 8000).indexOf(first.sampleRate());
        int channelConfig = first.channels() == 8 ? 7 : first.channels();
        int asc = (first.objectType() << 11) | (rateIndex << 7) | (channelConfig << 3);
        ByteBuffer config = ByteBuffer.wrap(new byte[] {(byte) (asc >> 8), (byte) asc});
        return new Track(ElementaryStream.audio(0, "aac", config, first.sampleRate(), first.channels()), packets);
    }

    /** An MP3 file (ID3v2 skipped) as one packet per frame. */
    public static Track mp3(Path file) throws IOException {
        byte[] data = Files.readAllBytes(file);
        int offset = 0;
        if (data[0] == 'I' && data[1] == 'D' && data[2] == '3') {
            offset = 10 + ((data[6] & 0x7f) << 21 | (data[7] & 0x7f) << 14 | (data[8] & 0x7f) << 7 | (data[9] & 0x7f));
        }
        List<Packet> packets = new ArrayList<>();
        MpegAudioHeader first = null;
        long samples = 0;
        while (offset + 4 <= data.length) {
            var parsed = MpegAudioHeader.parse(data, offset, data.length);
            if (parsed.isEmpty() || offset + parsed.get().frameLength() > data.length) {
                break; // an ID3v1 tag or the end
            }
            MpegAudioHeader h = parsed.get();
            first = first == null ? h : first;
            packets.add(new Packet(0, Ticks.fromTimescale(samples, h.sampleRate()), Ticks.NONE, 0, true,
                    ByteBuffer.wrap(data, offset, h.frameLength()).slice()));
            samples += h.samplesPerFrame();
            offset += h.frameLength();
        }
        return new Track(ElementaryStream.audio(0, "mp3", ByteBuffer.allocate(0), first.sampleRate(),
                first.channels()), packets);
    }

    /** Decodes every packet and joins the PCM, interleaved. */
    public static float[] decodeAll(AudioDecoder decoder, List<Packet> packets) throws IOException {
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (Packet p : packets) {
            var block = decoder.decode(p);
            if (block.isPresent()) {
                parts.add(block.get().samples());
                total += block.get().samples().length;
            }
        }
        float[] out = new float[total];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** One channel of interleaved PCM. */
    public static float[] channel(float[] interleaved, int channels, int channel) {
        float[] out = new float[interleaved.length / channels];
        for (int i = 0; i < out.length; i++) {
            out[i] = interleaved[i * channels + channel];
        }
        return out;
    }
}
