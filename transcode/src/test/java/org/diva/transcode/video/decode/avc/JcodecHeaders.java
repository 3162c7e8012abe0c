package org.diva.transcode.video.decode.avc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diva.transcode.codec.Rbsp;
import org.jcodec.codecs.h264.decode.SliceHeaderReader;
import org.jcodec.codecs.h264.io.model.NALUnit;
import org.jcodec.codecs.h264.io.model.PictureParameterSet;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.io.BitReader;

/**
 * Test-only slice headers for the entropy decoders' tests until our own header parser is on main: JCodec's SPS, PPS
 * and slice header readers, translated into our records (only the fields the macroblock readers use are exact).
 */
final class JcodecHeaders {
    private JcodecHeaders() {
    }

    /** One slice NAL unit: its RBSP (after the header byte, emulation prevention removed) and parsed headers. */
    record Slice(Sps sps, Pps pps, SliceHeader header, byte[] rbsp, int dataBitOffset) {
    }

    /** The slices of an Annex B stream, in decoding order. */
    static List<Slice> slices(byte[] annexB) {
        Map<Integer, SeqParameterSet> spss = new HashMap<>();
        Map<Integer, PictureParameterSet> ppss = new HashMap<>();
        List<Slice> out = new ArrayList<>();
        for (byte[] nal : split(annexB)) {
            int type = nal[0] & 0x1f;
            int refIdc = (nal[0] >> 5) & 3;
            byte[] rbsp = Rbsp.unescape(ByteBuffer.wrap(nal, 1, nal.length - 1));
            if (type == 7) {
                SeqParameterSet sps = SeqParameterSet.read(ByteBuffer.wrap(rbsp));
                spss.put(sps.seqParameterSetId, sps);
            } else if (type == 8) {
                PictureParameterSet pps = PictureParameterSet.read(ByteBuffer.wrap(rbsp));
                ppss.put(pps.picParameterSetId, pps);
            } else if (type == 1 || type == 5) {
                BitReader br = BitReader.createBitReader(ByteBuffer.wrap(rbsp));
                org.jcodec.codecs.h264.io.model.SliceHeader sh = SliceHeaderReader.readPart1(br);
                PictureParameterSet pps = ppss.get(sh.picParameterSetId);
                SeqParameterSet sps = spss.get(pps.seqParameterSetId);
                NALUnit unit = NALUnit.read(ByteBuffer.wrap(new byte[] {nal[0]}));
                SliceHeaderReader.readPart2(sh, unit, sps, pps, br);
                out.add(new Slice(sps(sps), pps(pps), header(sh, sps, pps, refIdc, type == 5), rbsp,
                        br.position()));
            }
        }
        return out;
    }

    private static Sps sps(SeqParameterSet s) {
        return new Sps(s.seqParameterSetId, s.profileIdc, s.levelIdc, new int[6][16], new int[2][64], false,
                s.log2MaxFrameNumMinus4 + 4, s.picOrderCntType, s.log2MaxPicOrderCntLsbMinus4 + 4,
                s.deltaPicOrderAlwaysZeroFlag, s.offsetForNonRefPic, s.offsetForTopToBottomField, new int[0],
                s.numRefFrames, s.gapsInFrameNumValueAllowedFlag, s.picWidthInMbsMinus1 + 1,
                s.picHeightInMapUnitsMinus1 + 1, s.direct8x8InferenceFlag, 0, 0, 0, 0, 16, 16);
    }

    private static Pps pps(PictureParameterSet p) {
        boolean t8 = p.extended != null && p.extended.transform8x8ModeFlag;
        return new Pps(p.picParameterSetId, p.seqParameterSetId, p.entropyCodingModeFlag, p.picOrderPresentFlag,
                p.numRefIdxActiveMinus1[0] + 1, p.numRefIdxActiveMinus1[1] + 1, p.weightedPredFlag,
                p.weightedBipredIdc, p.picInitQpMinus26 + 26, p.chromaQpIndexOffset, p.chromaQpIndexOffset,
                p.deblockingFilterControlPresentFlag, p.constrainedIntraPredFlag, p.redundantPicCntPresentFlag, t8,
                new int[6][16], new int[2][64]);
    }

    private static SliceHeader header(org.jcodec.codecs.h264.io.model.SliceHeader sh, SeqParameterSet sps,
            PictureParameterSet pps, int refIdc, boolean idr) {
        int type = sh.sliceType == SliceType.P ? SliceHeader.P : sh.sliceType == SliceType.B ? SliceHeader.B
                : SliceHeader.I;
        int[] minus1 = sh.numRefIdxActiveOverrideFlag ? sh.numRefIdxActiveMinus1 : pps.numRefIdxActiveMinus1;
        int[] active = {type == SliceHeader.I ? 0 : minus1[0] + 1, type == SliceHeader.B ? minus1[1] + 1 : 0};
        return new SliceHeader(sh.firstMbInSlice, type, sh.picParameterSetId, refIdc, idr, sh.frameNum, sh.idrPicId,
                sh.picOrderCntLsb, sh.deltaPicOrderCntBottom, 0, 0, sh.directSpatialMvPredFlag, active,
                List.of(List.of(), List.of()), Optional.empty(), Optional.empty(), sh.cabacInitIdc,
                26 + pps.picInitQpMinus26 + sh.sliceQpDelta, sh.disableDeblockingFilterIdc,
                2 * sh.sliceAlphaC0OffsetDiv2, 2 * sh.sliceBetaOffsetDiv2);
    }

    /** NAL units of an Annex B byte stream (start codes 00 00 01 / 00 00 00 01), trailing zero bytes kept. */
    static List<byte[]> split(byte[] s) {
        List<byte[]> nals = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 2 < s.length; i++) {
            if (s[i] == 0 && s[i + 1] == 0 && s[i + 2] == 1) {
                if (start >= 0) {
                    nals.add(java.util.Arrays.copyOfRange(s, start, i));
                }
                start = i + 3;
                i += 2;
            }
        }
        if (start >= 0 && start < s.length) {
            nals.add(java.util.Arrays.copyOfRange(s, start, s.length));
        }
        return nals;
    }

    /** Removes emulation_prevention_three_byte (7.4.1) from the NAL unit from {@code from} on. */
}
