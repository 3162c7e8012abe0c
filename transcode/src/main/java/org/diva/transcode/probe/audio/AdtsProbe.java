package org.diva.transcode.probe.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.codec.AacConfig;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.ChannelReads;
import org.diva.transcode.probe.ContainerProbe;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;

/**
 * Raw AAC in ADTS frames (ISO/IEC 13818-7 section 6.2, 14496-3 section 1.A.2), the .aac files of radio rips and
 * podcasts. ADTS has no index and no duration: the profile, rate and channels come from the first frame header;
 * the duration is the file size divided by the average frame length over the first {@value #SAMPLE_FRAMES}
 * frames, exact when the file has no more frames than that. Reads at most {@value #WINDOW} bytes.
 *
 * <p>HE-AAC is signalled implicitly in ADTS (SBR hides inside an LC stream at half the output rate), so such a
 * file reads as LC at the core rate, as it does in most players' file info.
 */
public final class AdtsProbe implements ContainerProbe {
    static final int SAMPLE_FRAMES = 200;
    static final int WINDOW = 512 * 1024;
    private static final int SAMPLES_PER_BLOCK = 1024;

    @Override
    public MediaInfo probe(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        long start = Mp3Frames.id3v2End(channel).orElse(0); // rips often carry an ID3v2 tag before the frames
        if (start >= size) {
            throw new MediaFormatException(String.format(
                    "truncated AAC: its ID3 tag needs %,d bytes but the file ends at byte %,d", start, size));
        }
        ByteBuffer b = ChannelReads.readUpTo(channel, start, (int) Math.min(WINDOW, size - start));
        Frame first = Frame.at(b, 0).orElseThrow(() -> new MediaFormatException(String.format(
                "not AAC: no ADTS frame header at byte %,d", start)));
        if (first.length() > b.limit()) {
            throw new MediaFormatException(String.format(
                    "truncated AAC: the first frame needs %,d bytes but the file ends at byte %,d",
                    first.length(), size));
        }
        int frames = 0;
        long bytes = 0;
        long samples = 0;
        int at = 0;
        while (frames < SAMPLE_FRAMES) {
            Optional<Frame> frame = Frame.at(b, at);
            if (frame.isEmpty() || !frame.get().sameStream(first) || at + frame.get().length() > b.limit()) {
                break;
            }
            frames++;
            bytes += frame.get().length();
            samples += (long) SAMPLES_PER_BLOCK * frame.get().blocks();
            at += frame.get().length();
        }
        int rate = first.sampleRate();
        long totalSamples = start + at == size ? samples : Math.round((size - start) * (double) samples / bytes);
        long bitrate = Math.round(bytes * 8.0 * rate / samples);
        AudioTrack track = new AudioTrack("aac", Optional.of(first.profile()),
                AudioTrack.positive(first.channels()), AudioTrack.positive(rate), OptionalLong.of(bitrate),
                Optional.empty());
        return MediaInfo.empty(MediaKind.AUDIO, "aac")
                .withTracks(List.of(), List.of(track), List.of())
                .withDuration(totalSamples * 1000 / rate);
    }

    /** One ADTS fixed + variable header. */
    record Frame(int objectType, int sampleRateIndex, int channelConfiguration, int length, int blocks) {
        static Optional<Frame> at(ByteBuffer b, int at) {
            if (b.limit() - at < 7) {
                return Optional.empty();
            }
            int b1 = b.get(at + 1) & 0xFF;
            int b2 = b.get(at + 2) & 0xFF;
            int b3 = b.get(at + 3) & 0xFF;
            if ((b.get(at) & 0xFF) != 0xFF || (b1 & 0xF6) != 0xF0) { // 12-bit sync word, layer 0
                return Optional.empty();
            }
            int headerLength = (b1 & 1) == 1 ? 7 : 9; // protection_absent, else a CRC follows
            int rateIndex = (b2 >> 2) & 0xF;
            int length = ((b3 & 0x3) << 11) | ((b.get(at + 4) & 0xFF) << 3) | ((b.get(at + 5) & 0xFF) >> 5);
            if (AacConfig.sampleRateForIndex(rateIndex) == 0 || length < headerLength) {
                return Optional.empty();
            }
            int channels = ((b2 & 1) << 2) | (b3 >> 6);
            return Optional.of(new Frame((b2 >> 6) + 1, rateIndex, channels, length, (b.get(at + 6) & 3) + 1));
        }

        int sampleRate() {
            return AacConfig.sampleRateForIndex(sampleRateIndex);
        }

        /** 1-6 as stated, 7 is 7.1; 0 means a program config element says, which DiVA does not read. */
        int channels() {
            return channelConfiguration == 7 ? 8 : channelConfiguration;
        }

        String profile() {
            return new AacConfig(objectType, sampleRate(), channels()).profileName();
        }

        /** A frame of the same stream: frames that change format mid-file are damage or a splice. */
        boolean sameStream(Frame other) {
            return objectType == other.objectType && sampleRateIndex == other.sampleRateIndex
                    && channelConfiguration == other.channelConfiguration;
        }
    }
}
