package org.diva.transcode.video.gop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.demux.StandardDemuxers;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.VideoEncoder;
import org.diva.transcode.video.decode.VideoDecoder;
import org.diva.transcode.video.decode.VideoDecoders;
import org.diva.transcode.video.h264.H264Encoder;
import org.diva.transcode.video.scale.Scaler;

/**
 * Runs a second of H.264 and of MPEG-2 video through demuxing, decoding, scaling and encoding a few times, so the
 * JIT has compiled those paths before the first viewer asks for a conversion. Measured (bench/first-byte): a fresh
 * JVM took 4-10 s to the first byte of a 1080p conversion, a warm one about 1 s, the difference being the decoder's
 * and encoder's inner loops running interpreted for the first pictures. The server runs it once, in the background,
 * at start; it costs about a second of one core.
 */
public final class CodecWarmup {
    private static final List<String> CLIPS = List.of("h264.ts", "mpeg2.ts");

    private CodecWarmup() {
    }

    /**
     * @param rounds how many times each clip is converted
     * @return the pictures encoded, all rounds together
     */
    public static int run(int rounds) throws IOException {
        int pictures = 0;
        for (String clip : CLIPS) {
            Path file = Files.createTempFile("diva-warmup-", ".ts");
            try {
                try (InputStream in = CodecWarmup.class.getResourceAsStream("/org/diva/transcode/video/warmup/"
                        + clip)) {
                    if (in == null) {
                        throw new IOException("the warm-up clip " + clip + " is missing from the classpath");
                    }
                    Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                for (int round = 0; round < rounds; round++) {
                    pictures += convert(file);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
        return pictures;
    }

    private static int convert(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file);
             Demuxer demuxer = StandardDemuxers.open("mpegts", channel)) {
            ElementaryStream video = demuxer.streams().stream().filter(s -> s.kind() == StreamKind.VIDEO)
                    .findFirst().orElseThrow(() -> new IOException(file + ": no video stream"));
            Reencoder reencoder = new Reencoder();
            try (VideoDecoder decoder = VideoDecoders.create(video)) {
                for (Optional<Packet> p = demuxer.read(); p.isPresent(); p = demuxer.read()) {
                    if (p.get().stream() == video.index()) {
                        reencoder.encode(decoder.decode(p.get()));
                    }
                }
                reencoder.encode(decoder.flush());
            }
            return reencoder.pictures;
        }
    }

    /** Scales to two thirds and encodes, as a conversion for a smaller screen would. */
    private static final class Reencoder {
        private Scaler scaler;
        private VideoEncoder encoder;
        private int pictures;

        void encode(List<Frame> frames) {
            for (Frame frame : frames) {
                if (scaler == null) {
                    int w = (frame.width() * 2 / 3) & ~1;
                    int h = (frame.height() * 2 / 3) & ~1;
                    scaler = new Scaler(frame.width(), frame.height(), w, h);
                    encoder = H264Encoder.create(new EncoderSettings(w, h, 30, 500_000, 30));
                }
                encoder.encode(scaler.scale(frame));
                pictures++;
            }
        }
    }
}
