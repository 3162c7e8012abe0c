package org.diva.transcode.thumbnail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.VideoTrack;
import org.diva.transcode.probe.mp4.Mp4Probe;
import org.diva.transcode.video.decode.SingleThreadH264;
import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;
import org.jcodec.containers.mp4.MP4Packet;
import org.jcodec.containers.mp4.demuxer.AbstractMP4DemuxerTrack;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;

/**
 * A picture from an H.264 video in MP4 or QuickTime: DiVA's own MP4 probe first (it checks the structure against the
 * file within bounded reads, and names the codec, bit depth and interlacing so that a refusal can say which), then
 * JCodec's MP4 demuxer for the sample index and its H.264 decoder for one keyframe, chosen by
 * {@link KeyframePicker}. Only keyframes are decoded, so JCodec's decode-order output never matters.
 */
final class Mp4Keyframes {
    /** The movie header (at most 64 MB, as the probe allows) and a few keyframes. */
    static final long READ_BUDGET = 128L << 20;
    /** An intra frame of 4K H.264 at a high bitrate is a few MB. */
    static final int MAX_FRAME_BYTES = 16 << 20;
    private static final java.util.Set<String> H264_FORMATS = java.util.Set.of("avc1", "avc3");

    private Mp4Keyframes() {
    }

    /** The video's picture, scaled into the box and turned as the file says to show it. */
    static BufferedImage picture(SeekableByteChannel channel, String name, ImageBox box, Deadline deadline)
            throws IOException {
        VideoTrack track = probe(channel, name);
        deadline.check("reading the MP4 index");
        AbstractMP4DemuxerTrack video = videoTrack(channel, name);
        DemuxerTrackMeta meta = video.getMeta();
        if (meta.getTotalFrames() <= 0) {
            throw new ThumbnailException(ThumbnailException.Reason.UNSUPPORTED, name + ": the movie header lists "
                    + "no video frames (a fragmented MP4, whose frames are indexed in 'moof' boxes, which JCodec's "
                    + "MP4 reader does not read)");
        }
        H264Stream stream = H264Stream.of(meta.getCodecPrivate(), name);
        double aspect = containerAspect(meta).orElse(stream.pixelAspect());
        int turn = Orientation.ofClockwiseTurn(meta.getOrientation() == null ? 0 : switch (meta.getOrientation()) {
            case D_90 -> 90; // tkhd matrix (0 1 / -1 0): what ffmpeg reports as rotation -90, shown turned clockwise
            case D_180 -> 180;
            case D_270 -> 270;
            default -> 0;
        });
        int[] sync = meta.getSeekFrames() == null ? new int[0] : meta.getSeekFrames();
        List<String> problems = new ArrayList<>();
        BufferedImage blank = null;
        try (SingleThreadH264 decoder = new SingleThreadH264(meta.getCodecPrivate(), stream.codedWidth(),
                stream.codedHeight())) {
            for (int frame : KeyframePicker.candidates(sync, meta.getTotalFrames())) {
                deadline.check("decoding frame " + frame + " of " + track.width() + "x" + track.height() + " H.264");
                ByteBuffer accessUnit;
                try {
                    accessUnit = accessUnit(video, frame, name, channel.size());
                } catch (ThumbnailException e) {
                    if (e.reason() != ThumbnailException.Reason.DAMAGED) {
                        throw e;
                    }
                    problems.add(e.getMessage());
                    continue;
                }
                if (!IntraCheck.isIntra(accessUnit)) {
                    problems.add("frame " + frame + " is marked as a keyframe but is not an intra frame");
                    continue;
                }
                Picture picture = decode(decoder, accessUnit, frame, name, problems);
                if (picture == null) {
                    continue;
                }
                YuvPicture yuv = YuvPictures.of(picture, stream.color(), aspect, turn);
                if (!yuv.isBlank()) {
                    return yuv.toRgb(box);
                }
                if (blank == null) {
                    blank = yuv.toRgb(box);
                }
            }
        }
        if (blank != null) {
            return blank; // every candidate is a flat picture: show the first, it is what the video shows
        }
        throw new ThumbnailException(ThumbnailException.Reason.DAMAGED, name + ": no keyframe decodes; "
                + String.join("; ", problems));
    }

    private static VideoTrack probe(SeekableByteChannel channel, String name) throws IOException {
        MediaInfo info;
        try {
            info = new Mp4Probe().probe(channel);
        } catch (MediaFormatException e) {
            throw new ThumbnailException(ThumbnailException.Reason.DAMAGED, name + ": " + e.getMessage(), e);
        }
        if (info.video().isEmpty()) {
            throw new ThumbnailException(ThumbnailException.Reason.UNSUPPORTED, name
                    + ": no video track (an audio-only MP4); its cover art is its picture");
        }
        VideoTrack track = info.video().get(0);
        if (!track.codec().equals("h264")) {
            throw new ThumbnailException(ThumbnailException.Reason.UNSUPPORTED, name + ": " + codecName(track)
                    + " video; DiVA makes video thumbnails from H.264 only (JCodec, its pure-Java decoder, has no "
                    + codecName(track) + " decoder)");
        }
        if (track.bitDepth().isPresent() && track.bitDepth().getAsInt() != 8) {
            throw H264Stream.unsupported(name, track.bitDepth().getAsInt() + "-bit H.264 ("
                    + track.profile().orElse("High 10") + ")");
        }
        if (track.interlaced()) {
            throw H264Stream.unsupported(name, "interlaced H.264");
        }
        return track;
    }

    private static String codecName(VideoTrack track) {
        return switch (track.codec()) {
            case "hevc" -> "HEVC (H.265)";
            case "mpeg4" -> "MPEG-4 Part 2";
            case "mpeg2video" -> "MPEG-2";
            default -> track.codec().toUpperCase(Locale.ROOT);
        };
    }

    private static AbstractMP4DemuxerTrack videoTrack(SeekableByteChannel channel, String name) throws IOException {
        MP4Demuxer demuxer;
        try {
            demuxer = MP4Demuxer.createMP4Demuxer(new JCodecChannel(channel, READ_BUDGET, name));
        } catch (RuntimeException e) {
            throw Failures.damaged(name, "JCodec's MP4 reader cannot read the movie header", e);
        }
        for (DemuxerTrack track : demuxer.getVideoTracks()) {
            if (track instanceof AbstractMP4DemuxerTrack mp4 && mp4.getMeta() != null
                    && H264_FORMATS.contains(mp4.getFourcc())) {
                return mp4;
            }
        }
        throw new ThumbnailException(ThumbnailException.Reason.UNSUPPORTED, name
                + ": JCodec's MP4 reader finds no H.264 track ('avc1' or 'avc3') where DiVA's probe found one");
    }

    /** The track's 'pasp' box, when it says the pixels are not square. */
    private static java.util.Optional<Double> containerAspect(DemuxerTrackMeta meta) {
        Rational pasp = meta.getVideoCodecMeta() == null ? null : meta.getVideoCodecMeta().getPixelAspectRatio();
        if (pasp == null || pasp.getNum() <= 0 || pasp.getDen() <= 0 || pasp.getNum() == pasp.getDen()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of((double) pasp.getNum() / pasp.getDen());
    }

    /** Frame {@code frame}'s bytes as Annex B. */
    private static ByteBuffer accessUnit(AbstractMP4DemuxerTrack video, int frame, String name, long fileSize)
            throws IOException {
        MP4Packet packet = null;
        for (int capacity : new int[] {1 << 20, MAX_FRAME_BYTES}) {
            try {
                video.gotoFrame(frame);
                packet = video.getNextFrame(ByteBuffer.allocate(capacity));
                break;
            } catch (IllegalArgumentException tooSmall) { // "Buffer size is not enough to fit a packet"
                if (capacity == MAX_FRAME_BYTES) {
                    throw new ThumbnailException(ThumbnailException.Reason.TOO_BIG, String.format(Locale.ROOT,
                            "%s: frame %d is bigger than the %,d bytes DiVA reads for a thumbnail", name, frame,
                            MAX_FRAME_BYTES));
                }
            } catch (RuntimeException e) {
                throw Failures.damaged(name, "the sample index for frame " + frame + " is broken", e);
            }
        }
        if (packet == null) { // JCodec's answer to a short read
            throw new ThumbnailException(ThumbnailException.Reason.DAMAGED, String.format(Locale.ROOT,
                    "truncated file: the index places frame %d beyond its end (byte %,d); the recording or download "
                            + "was cut short", frame, fileSize));
        }
        return packet.getData(); // JCodec's H.264 track has made it Annex B, parameter sets before an IDR frame
    }

    private static Picture decode(SingleThreadH264 decoder, ByteBuffer accessUnit, int frame, String name,
                                  List<String> problems) throws ThumbnailException {
        try {
            Picture picture = decoder.decode(accessUnit);
            if (picture == null) {
                problems.add("frame " + frame + " holds no picture");
            }
            return picture;
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("Unsupported h264 feature")) {
                throw H264Stream.unsupported(name, "H.264 using a feature JCodec lacks (" + message + ")");
            }
            problems.add("frame " + frame + " does not decode (" + e + ")");
            return null;
        }
    }
}
