package org.diva.transcode.thumbnail;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.NALUnit;
import org.jcodec.codecs.h264.io.model.NALUnitType;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.VUIParameters;
import org.jcodec.common.model.ColorSpace;

/**
 * What a thumbnail needs from an H.264 sequence parameter set (ITU-T H.264 section 7.3.2.1.1 and Annex E): the coded
 * size to allocate, the pixel aspect ratio and colour from the VUI, and whether JCodec can decode the stream at all.
 * JCodec 0.2.5 decodes progressive 8-bit 4:2:0 only; each refusal says which of these the stream is not.
 *
 * @param codedWidth  width in whole macroblocks, as the decoder writes it
 * @param codedHeight height in whole macroblocks
 * @param pixelAspect the VUI's sample aspect ratio as a number, 1 when absent
 */
record H264Stream(int codedWidth, int codedHeight, double pixelAspect, YuvColor color) {
    /** 4096x2304 (4K with room for DCI's 4096 width): about 14 MB of planes, twice over in JCodec's reference copy. */
    static final long MAX_PIXELS = 4096L * 2304;

    /** Table E-1's fixed sample aspect ratios, by aspect_ratio_idc 1..16. */
    private static final int[][] SAR = {{1, 1}, {12, 11}, {10, 11}, {16, 11}, {40, 33}, {24, 11}, {20, 11}, {32, 11},
            {80, 33}, {18, 11}, {15, 11}, {64, 33}, {160, 99}, {4, 3}, {3, 2}, {2, 1}};

    /**
     * @param parameterSets SPS and PPS as Annex B, as JCodec's track metadata holds them
     * @param name          the file, for messages
     */
    static H264Stream of(ByteBuffer parameterSets, String name) throws ThumbnailException {
        SeqParameterSet sps = firstSps(parameterSets, name);
        if (!sps.frameMbsOnlyFlag) {
            throw unsupported(name, "interlaced H.264 (coded as fields or MBAFF)");
        }
        if (sps.bitDepthLumaMinus8 != 0 || sps.bitDepthChromaMinus8 != 0) {
            throw unsupported(name, (sps.bitDepthLumaMinus8 + 8) + "-bit H.264 (High 10 or above)");
        }
        if (sps.chromaFormatIdc != ColorSpace.YUV420J && sps.chromaFormatIdc != ColorSpace.YUV420) {
            throw unsupported(name, "H.264 with " + chroma(sps.chromaFormatIdc) + " colour (High 4:2:2/4:4:4)");
        }
        int width = (sps.picWidthInMbsMinus1 + 1) * 16;
        int height = (sps.picHeightInMapUnitsMinus1 + 1) * 16;
        if ((long) width * height > MAX_PIXELS) {
            throw new ThumbnailException(ThumbnailException.Reason.TOO_BIG, String.format(Locale.ROOT,
                    "%s: %dx%d video is bigger than the 4096x2304 DiVA decodes for a thumbnail", name, width,
                    height));
        }
        VUIParameters vui = sps.vuiParams;
        double aspect = vui == null || !vui.aspectRatioInfoPresentFlag ? 1 : sampleAspect(vui);
        int matrix = vui != null && vui.colourDescriptionPresentFlag ? vui.matrixCoefficients : 2;
        boolean fullRange = vui != null && vui.videoSignalTypePresentFlag && vui.videoFullRangeFlag;
        return new H264Stream(width, height, aspect, YuvColor.of(matrix, fullRange, height));
    }

    private static SeqParameterSet firstSps(ByteBuffer parameterSets, String name) throws ThumbnailException {
        if (parameterSets != null) {
            for (ByteBuffer nal : H264Utils.splitFrame(parameterSets.duplicate())) {
                if (nal.remaining() > 1 && NALUnit.read(nal).type == NALUnitType.SPS) {
                    try {
                        H264Utils.unescapeNAL(nal);
                        return SeqParameterSet.read(nal);
                    } catch (RuntimeException e) {
                        throw new ThumbnailException(ThumbnailException.Reason.DAMAGED,
                                name + ": the H.264 sequence parameter set does not parse (" + e + ")", e);
                    }
                }
            }
        }
        throw new ThumbnailException(ThumbnailException.Reason.DAMAGED,
                name + ": the H.264 track has no sequence parameter set in its 'avcC' box");
    }

    private static double sampleAspect(VUIParameters vui) {
        int idc = vui.aspectRatio == null ? 0 : vui.aspectRatio.getValue();
        if (idc >= 1 && idc <= SAR.length) {
            return (double) SAR[idc - 1][0] / SAR[idc - 1][1];
        }
        return vui.sarWidth > 0 && vui.sarHeight > 0 ? (double) vui.sarWidth / vui.sarHeight : 1; // 255: explicit
    }

    private static String chroma(ColorSpace space) {
        if (space == ColorSpace.MONO) {
            return "monochrome (4:0:0)";
        }
        return space == ColorSpace.YUV422 || space == ColorSpace.YUV422J ? "4:2:2" : "4:4:4";
    }

    static ThumbnailException unsupported(String name, String what) {
        return new ThumbnailException(ThumbnailException.Reason.UNSUPPORTED, name + ": " + what
                + "; JCodec, the pure-Java decoder DiVA uses, decodes progressive 8-bit 4:2:0 H.264 only");
    }
}
