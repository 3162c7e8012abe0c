package org.diva.transcode.video.decode;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.diva.transcode.probe.MediaFormatException;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.decode.SliceHeaderReader;
import org.jcodec.codecs.h264.io.model.NALUnit;
import org.jcodec.codecs.h264.io.model.NALUnitType;
import org.jcodec.codecs.h264.io.model.PictureParameterSet;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.SliceHeader;
import org.jcodec.common.io.BitReader;
import org.jcodec.common.model.ColorSpace;

/**
 * Reads the in-band parameter sets and each IDR picture's first slice header (ITU-T H.264 sections 7.3.2.1, 7.3.2.2,
 * 7.3.3) before JCodec sees them, to refuse what JCodec 0.2.5 would decode wrongly or throw on deep inside:
 * field/MBAFF coding, bit depths above 8, chroma other than 4:2:0, and disable_deblocking_filter_idc = 1. JCodec reads
 * that last flag but filters anyway, so the decoded pictures drift from the encoder's references until the next IDR
 * (x264's ultrafast preset sets it); DiVA refuses such streams rather than show the drift. It also gives the reorder
 * depth: the VUI's max_num_reorder_frames when present, else max_num_ref_frames (a safe upper bound).
 */
final class H264Inspector {
    private static final int SLICE_HEADER_BYTES = 64;
    /** 4096x2304: 4K with room for DCI's width; bounds what a hostile SPS can make us allocate per picture. */
    static final long MAX_PIXELS = 4096L * 2304;

    private final Map<Integer, SeqParameterSet> spsById = new HashMap<>();
    private final Map<Integer, PictureParameterSet> ppsById = new HashMap<>();
    private int reorderDepth = ReorderBuffer.MAX_DEPTH;
    private int codedWidth;
    private int codedHeight;

    /** Inspects one access unit; {@code where} names it in messages (packet number, time). */
    void inspect(ByteBuffer accessUnit, String where) throws MediaFormatException {
        boolean sliceChecked = false;
        for (ByteBuffer nal : H264Utils.splitFrame(accessUnit.duplicate())) {
            if (nal.remaining() < 2) {
                continue;
            }
            NALUnit header = NALUnit.read(nal);
            try {
                if (header.type == NALUnitType.SPS) {
                    SeqParameterSet sps = check(SeqParameterSet.read(unescaped(nal, nal.remaining())), where);
                    spsById.put(sps.seqParameterSetId, sps);
                    reorderDepth = depth(sps);
                    codedWidth = (sps.picWidthInMbsMinus1 + 1) * 16;
                    codedHeight = (sps.picHeightInMapUnitsMinus1 + 1) * 16;
                    if ((long) codedWidth * codedHeight > MAX_PIXELS) {
                        throw new UnsupportedVideoException("H.264 picture of " + codedWidth + "x" + codedHeight
                                + " (sequence parameter set at " + where + ") is larger than the 4096x2304 DiVA "
                                + "decodes");
                    }
                } else if (header.type == NALUnitType.PPS) {
                    PictureParameterSet pps = PictureParameterSet.read(unescaped(nal, nal.remaining()));
                    ppsById.put(pps.picParameterSetId, pps);
                } else if (header.type == NALUnitType.IDR_SLICE && !sliceChecked) {
                    checkSlice(header, unescaped(nal, Math.min(nal.remaining(), SLICE_HEADER_BYTES)), where);
                    sliceChecked = true;
                }
            } catch (RuntimeException e) {
                throw new MediaFormatException("H.264 " + header.type + " at " + where + " does not parse (" + e
                        + ")", e);
            }
        }
    }

    /** Width in whole macroblocks of the last SPS, as JCodec decodes into; 0 before any. */
    int codedWidth() throws MediaFormatException {
        if (codedWidth == 0) {
            throw new MediaFormatException("H.264 picture before any sequence parameter set");
        }
        return codedWidth;
    }

    int codedHeight() {
        return codedHeight;
    }

    int reorderDepth() {
        return reorderDepth;
    }

    private void checkSlice(NALUnit header, ByteBuffer rbsp, String where) throws MediaFormatException {
        BitReader in = BitReader.createBitReader(rbsp);
        SliceHeader slice = SliceHeaderReader.readPart1(in);
        PictureParameterSet pps = ppsById.get(slice.picParameterSetId);
        SeqParameterSet sps = pps == null ? null : spsById.get(pps.seqParameterSetId);
        if (sps == null) {
            throw new MediaFormatException("H.264 IDR picture at " + where + " refers to picture parameter set "
                    + slice.picParameterSetId + ", which did not come before it");
        }
        if (!pps.deblockingFilterControlPresentFlag) {
            return;
        }
        SliceHeaderReader.readPart2(slice, header, sps, pps, in);
        if (slice.disableDeblockingFilterIdc == 1) {
            throw new UnsupportedVideoException("H.264 with the deblocking filter switched off (as x264's ultrafast "
                    + "preset makes it), at " + where + ": JCodec, the pure-Java decoder DiVA uses, would filter "
                    + "anyway and the picture would drift");
        }
    }

    private static SeqParameterSet check(SeqParameterSet sps, String where) throws UnsupportedVideoException {
        String why = null;
        if (!sps.frameMbsOnlyFlag) {
            why = "interlaced H.264 (coded as fields or MBAFF)";
        } else if (sps.bitDepthLumaMinus8 != 0 || sps.bitDepthChromaMinus8 != 0) {
            why = (Math.max(sps.bitDepthLumaMinus8, sps.bitDepthChromaMinus8) + 8) + "-bit H.264";
        } else if (sps.chromaFormatIdc != ColorSpace.YUV420J && sps.chromaFormatIdc != ColorSpace.YUV420) {
            why = (sps.chromaFormatIdc == ColorSpace.YUV422 || sps.chromaFormatIdc == ColorSpace.YUV422J ? "4:2:2"
                    : sps.chromaFormatIdc == ColorSpace.MONO ? "4:0:0 (monochrome)" : "4:4:4") + " H.264";
        }
        if (why != null) {
            throw new UnsupportedVideoException(why + " (sequence parameter set at " + where
                    + "); JCodec, the pure-Java decoder DiVA uses, decodes progressive 8-bit 4:2:0 H.264 only");
        }
        return sps;
    }

    private static int depth(SeqParameterSet sps) {
        if (sps.vuiParams != null && sps.vuiParams.bitstreamRestriction != null) {
            return sps.vuiParams.bitstreamRestriction.numReorderFrames;
        }
        return sps.numRefFrames;
    }

    /** A copy without emulation-prevention bytes: JCodec unescapes in place, and the packet is not ours to change. */
    private static ByteBuffer unescaped(ByteBuffer nal, int length) {
        ByteBuffer copy = ByteBuffer.allocate(length);
        ByteBuffer part = nal.duplicate();
        part.limit(part.position() + length);
        copy.put(part).flip();
        H264Utils.unescapeNAL(copy);
        return copy;
    }
}
