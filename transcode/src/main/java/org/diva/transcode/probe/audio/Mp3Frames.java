package org.diva.transcode.probe.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.ChannelReads;
import org.diva.transcode.probe.MediaFormatException;
import org.jaudiotagger.audio.exceptions.InvalidAudioFrameException;
import org.jaudiotagger.audio.mp3.MP3AudioHeader;
import org.jaudiotagger.audio.mp3.MPEGFrameHeader;

/**
 * MP3 track facts from the first two MPEG audio frame headers, where jaudiotagger's own summary falls short: it
 * reports the bitrate of the first frame, and for a constant-bitrate file that frame is usually the Xing "Info"
 * frame, which encoders write at whatever bitrate makes it big enough to hold the LAME tag (ffmpeg writes a
 * 32 kb/s file's Info frame at 56 kb/s). The second frame has the stream's real bitrate.
 *
 * <p>jaudiotagger 3.0.1 parses frame headers through a static buffer ({@code MPEGFrameHeader.header}), so every
 * MP3 read, jaudiotagger's and ours, must hold {@link #LOCK}; without it concurrent probes swap each other's
 * headers.
 */
final class Mp3Frames {
    /** Guards jaudiotagger's static MPEG frame header buffer; see the class comment. */
    static final Object LOCK = new Object();

    private Mp3Frames() {
    }

    /** The track; call with {@link #LOCK} held. */
    static AudioTrack track(MP3AudioHeader header, SeekableByteChannel channel) throws IOException {
        long start = header.getMp3StartByte();
        Optional<MPEGFrameHeader> first = frameAt(channel, start);
        if (first.isEmpty()) {
            throw new MediaFormatException(String.format(
                    "damaged MP3: no frame header at byte %,d where the audio should start", start));
        }
        MPEGFrameHeader frame = first.get();
        long bitrate = header.getBitRateAsNumber();
        if (!header.isVariableBitRate()) {
            Optional<MPEGFrameHeader> second = frameAt(channel, start + frame.getFrameLength());
            bitrate = second.map(MPEGFrameHeader::getBitRate).filter(b -> b > 0).orElse((int) bitrate);
        }
        return new AudioTrack(codec(frame.getLayer()), Optional.empty(),
                AudioTrack.positive(frame.getNumberOfChannels()),
                AudioTrack.positive(header.getSampleRateAsNumber()),
                bitrate > 0 ? OptionalLong.of(bitrate * 1000) : OptionalLong.empty(), Optional.empty());
    }

    /** Where the ID3v2 tag at the start says it ends, or empty without one: 10 header bytes + size (+ footer). */
    static OptionalLong id3v2End(SeekableByteChannel channel) throws IOException {
        ByteBuffer b = ChannelReads.readUpTo(channel, 0, 10);
        if (b.remaining() < 10 || b.get(0) != 'I' || b.get(1) != 'D' || b.get(2) != '3') {
            return OptionalLong.empty();
        }
        int size = 0;
        for (int i = 6; i < 10; i++) {
            size = (size << 7) | (b.get(i) & 0x7F); // syncsafe: seven bits per byte
        }
        boolean footer = (b.get(5) & 0x10) != 0;
        return OptionalLong.of(10L + size + (footer ? 10 : 0));
    }

    private static Optional<MPEGFrameHeader> frameAt(SeekableByteChannel channel, long position)
            throws IOException {
        ByteBuffer bytes = ChannelReads.readUpTo(channel, position, MPEGFrameHeader.HEADER_SIZE);
        if (bytes.remaining() < MPEGFrameHeader.HEADER_SIZE) {
            return Optional.empty();
        }
        try {
            return Optional.of(MPEGFrameHeader.parseMPEGHeader(bytes));
        } catch (InvalidAudioFrameException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String codec(int layer) {
        return switch (layer) {
            case MPEGFrameHeader.LAYER_I -> "mp1";
            case MPEGFrameHeader.LAYER_II -> "mp2";
            default -> "mp3";
        };
    }
}
