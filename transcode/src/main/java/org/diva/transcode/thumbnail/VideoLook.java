package org.diva.transcode.thumbnail;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.diva.transcode.codec.Mpeg2SequenceHeader;
import org.diva.transcode.stream.ElementaryStream;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.NALUnit;
import org.jcodec.codecs.h264.io.model.NALUnitType;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.VUIParameters;

/**
 * What a decoded frame does not say about how it looks: the shape of its pixels and how its samples map to colour.
 * H.264 states both in the SPS's VUI (ITU-T H.264 Annex E); MPEG-1/2 state a display aspect ratio in the sequence
 * header (ISO/IEC 13818-2 section 6.3.3) and MPEG-4 Part 2 a pixel aspect in the video object layer header
 * (ISO/IEC 14496-2 section 6.2.3), both leaving colour to the picture size.
 * The container's word ('pasp' in MP4) wins over the stream's, as players do.
 *
 * @param pixelAspect width of a pixel over its height, 1 for square
 */
record VideoLook(double pixelAspect, YuvColor color) {
    /** Table E-1's fixed sample aspect ratios, by aspect_ratio_idc 1..16. */
    private static final int[][] SAR = {{1, 1}, {12, 11}, {10, 11}, {16, 11}, {40, 33}, {24, 11}, {20, 11}, {32, 11},
            {80, 33}, {18, 11}, {15, 11}, {64, 33}, {160, 99}, {4, 3}, {3, 2}, {2, 1}};

    /**
     * @param keyframe the first packet decoded, whose in-band headers describe the stream when the container has none
     * @param width    the decoded frame's width
     * @param height   the decoded frame's height
     */
    static VideoLook of(ElementaryStream stream, ByteBuffer keyframe, int width, int height) {
        return switch (stream.codec()) {
            case "h264" -> h264(stream.codecPrivate().hasRemaining() ? stream.codecPrivate() : keyframe, height);
            case "mpeg1video", "mpeg2video" -> mpegVideo(keyframe, width, height);
            case "mpeg4" -> new VideoLook(Mpeg4Aspect.of(stream.codecPrivate().hasRemaining() ? stream.codecPrivate()
                    : keyframe), YuvColor.of(2, false, height));
            default -> new VideoLook(1, YuvColor.of(2, false, height));
        };
    }

    VideoLook withPixelAspect(Optional<Double> containerAspect) {
        return containerAspect.map(a -> new VideoLook(a, color)).orElse(this);
    }

    private static VideoLook h264(ByteBuffer annexB, int height) {
        Optional<SeqParameterSet> sps = firstSps(annexB);
        VUIParameters vui = sps.map(s -> s.vuiParams).orElse(null);
        double aspect = vui == null || !vui.aspectRatioInfoPresentFlag ? 1 : sampleAspect(vui);
        int matrix = vui != null && vui.colourDescriptionPresentFlag ? vui.matrixCoefficients : 2;
        boolean fullRange = vui != null && vui.videoSignalTypePresentFlag && vui.videoFullRangeFlag;
        return new VideoLook(aspect, YuvColor.of(matrix, fullRange, height));
    }

    /** The SPS (7.3.2.1.1), if one parses; the decoder has already refused what it cannot decode. */
    private static Optional<SeqParameterSet> firstSps(ByteBuffer annexB) {
        for (ByteBuffer nal : H264Utils.splitFrame(annexB.duplicate())) {
            if (nal.remaining() > 1 && NALUnit.read(nal).type == NALUnitType.SPS) {
                try {
                    H264Utils.unescapeNAL(nal);
                    return Optional.of(SeqParameterSet.read(nal));
                } catch (RuntimeException damaged) {
                    return Optional.empty(); // the picture decoded; a square guess beats no picture
                }
            }
        }
        return Optional.empty();
    }

    private static double sampleAspect(VUIParameters vui) {
        int idc = vui.aspectRatio == null ? 0 : vui.aspectRatio.getValue();
        if (idc >= 1 && idc <= SAR.length) {
            return (double) SAR[idc - 1][0] / SAR[idc - 1][1];
        }
        return vui.sarWidth > 0 && vui.sarHeight > 0 ? (double) vui.sarWidth / vui.sarHeight : 1; // 255: explicit
    }

    /** MPEG-2's aspect_ratio_information is the display's shape (2: 4:3, 3: 16:9, 4: 2.21:1); 1 is square. */
    private static VideoLook mpegVideo(ByteBuffer keyframe, int width, int height) {
        ByteBuffer b = keyframe.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        double aspect = Mpeg2SequenceHeader.find(bytes, bytes.length, true).filter(Mpeg2SequenceHeader::mpeg2)
                .map(h -> switch (h.aspectRatioCode()) {
                    case 2 -> 4.0 / 3;
                    case 3 -> 16.0 / 9;
                    case 4 -> 2.21;
                    default -> 0.0;
                } * h.height() / h.width()).filter(a -> a > 0).orElse(1.0);
        return new VideoLook(aspect, YuvColor.of(2, false, height));
    }
}
