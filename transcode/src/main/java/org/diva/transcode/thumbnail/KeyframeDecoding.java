package org.diva.transcode.thumbnail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.decode.UnsupportedVideoException;
import org.diva.transcode.video.decode.VideoDecoder;
import org.diva.transcode.video.decode.VideoDecoders;

/** The steps of {@link VideoStill} that talk to the demuxer and the decoder. */
final class KeyframeDecoding {
    /** A decoded keyframe and the packet it came from (whose in-band headers describe the stream). */
    record Decoded(Frame frame, ByteBuffer keyframe) {
    }

    private KeyframeDecoding() {
    }

    /**
     * The first video stream, if DiVA has a decoder for its codec; else a refusal naming the codec.
     *
     * @param probedCodec the codec the container's probe names, for the demuxers that pass over tracks they cannot
     *                    read (the MP4 demuxer leaves out VP9 and AV1 tracks)
     */
    static ElementaryStream videoStream(Demuxer demuxer, Optional<String> probedCodec, String name)
            throws ThumbnailException {
        Optional<ElementaryStream> found = demuxer.streams().stream().filter(s -> s.kind() == StreamKind.VIDEO)
                .findFirst();
        String codec = found.map(ElementaryStream::codec).or(() -> probedCodec).orElseThrow(() ->
                new ThumbnailException(ThumbnailException.Reason.UNSUPPORTED, name
                        + ": no video track (an audio-only file); its cover art is its picture"));
        if (found.isEmpty() || !VideoDecoders.decodes(codec)) {
            throw new ThumbnailException(ThumbnailException.Reason.UNSUPPORTED, name + ": " + codecName(codec)
                    + " video; DiVA makes video thumbnails from H.264, MPEG-1/2 and MPEG-4 Part 2 only (its "
                    + "pure-Java decoders have no " + codecName(codec) + " decoder)");
        }
        ElementaryStream video = found.get();
        if ((long) video.width() * video.height() > VideoStill.MAX_PIXELS) {
            throw new ThumbnailException(ThumbnailException.Reason.TOO_BIG, String.format(Locale.ROOT,
                    "%s: %dx%d video is bigger than the 4096x2304 DiVA decodes for a thumbnail", name, video.width(),
                    video.height()));
        }
        return video;
    }

    /** Where the video's timeline starts: broadcasts and DVDs do not start their clocks at 0. */
    static long firstVideoTime(Demuxer demuxer, ElementaryStream video, String name) throws IOException {
        for (int i = 0; i < VideoStill.MAX_PACKETS; i++) {
            Optional<Packet> packet = demuxer.read();
            if (packet.isEmpty()) {
                break;
            }
            if (packet.get().stream() == video.index() && packet.get().pts() != Ticks.NONE) {
                return packet.get().pts();
            }
        }
        throw new ThumbnailException(ThumbnailException.Reason.DAMAGED, name + ": no timed video packet in its first "
                + VideoStill.MAX_PACKETS + " packets");
    }

    /**
     * Decodes from the keyframe the demuxer is positioned at until the picture presented at {@code keyframePts} or
     * later comes out. Leading pictures of an open GOP (MPEG-2 B pictures after the I picture) show earlier times and
     * refer to the GOP before, so they are skipped. Damage is recorded in {@code problems}; an unsupported stream ends
     * the search, since no other keyframe would decode either.
     */
    static Optional<Decoded> decode(Demuxer demuxer, ElementaryStream video, long keyframePts, Deadline deadline,
                                    List<String> problems) throws IOException {
        String at = Ticks.toMillis(keyframePts) + " ms";
        ByteBuffer first = null;
        try (VideoDecoder decoder = VideoDecoders.create(video)) {
            for (int i = 0; i < VideoStill.MAX_PACKETS; i++) {
                deadline.check("decoding the keyframe at " + at);
                Optional<Packet> read = demuxer.read();
                if (read.isEmpty()) {
                    break;
                }
                Packet packet = read.get();
                if (packet.stream() != video.index()) {
                    continue;
                }
                if (first == null) {
                    first = packet.data().duplicate();
                } else if (!packet.keyframe() && packet.pts() != Ticks.NONE && packet.pts() < keyframePts) {
                    // A leading picture of an open GOP (ISO/IEC 13818-2 section 6.1.1.7: B pictures after the
                    // I picture that refer to the GOP before): undecodable from here, as players skip it.
                    continue;
                }
                Optional<Frame> frame = atOrAfter(decoder.decode(packet), keyframePts);
                if (frame.isPresent()) {
                    return Optional.of(new Decoded(frame.get(), first));
                }
            }
            Optional<Frame> frame = atOrAfter(decoder.flush(), keyframePts);
            if (frame.isPresent() && first != null) {
                return Optional.of(new Decoded(frame.get(), first));
            }
            problems.add("the keyframe at " + at + " gives no picture");
        } catch (UnsupportedVideoException e) {
            throw e;
        } catch (MediaFormatException e) {
            problems.add("the keyframe at " + at + " does not decode (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    private static Optional<Frame> atOrAfter(List<Frame> frames, long pts) {
        return frames.stream().filter(f -> f.pts() >= pts).findFirst();
    }

    private static String codecName(String codec) {
        return switch (codec) {
            case "hevc" -> "HEVC (H.265)";
            case "vp8", "vp9", "av1", "vc1" -> codec.toUpperCase(Locale.ROOT);
            default -> codec;
        };
    }
}
