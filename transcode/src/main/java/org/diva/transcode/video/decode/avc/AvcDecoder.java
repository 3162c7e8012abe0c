package org.diva.transcode.video.decode.avc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.diva.transcode.codec.AnnexB;
import org.diva.transcode.codec.Rbsp;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.decode.VideoDecoder;

/**
 * DiVA's H.264 decoder: packets (access units, Annex B) in decoding order in, frames in display order out.
 *
 * <p>Parameter sets come from the stream's decoder configuration and in band. Each packet holds one picture; its
 * slices are decoded in order, the picture is deblocked, then the decoded picture buffer marks it as a reference
 * and hands out the pictures now due for display (14496-10 C.4.5.3 "bumping"), copied at once into {@link Frame}s
 * cropped to the display size (even, as 4:2:0 frames are).
 */
public final class AvcDecoder implements VideoDecoder {
    private final Map<Integer, Sps> spsById = new HashMap<>();
    private final Map<Integer, Pps> ppsById = new HashMap<>();
    private final Dpb dpb = new Dpb();
    private final Deblocker deblocker = new Deblocker();
    private final Macroblock mb = new Macroblock();
    private Sps activeSps;
    private long packets;

    /** @param codecPrivate Annex B SPS and PPS, or empty when they come in band */
    public AvcDecoder(ByteBuffer codecPrivate) throws MediaFormatException {
        if (codecPrivate.hasRemaining()) {
            List<ByteBuffer> nals = AnnexB.split(codecPrivate);
            for (ByteBuffer nal : nals) {
                parameterSet(nal, "the stream's decoder configuration");
            }
        }
    }

    @Override
    public List<Frame> decode(Packet packet) throws MediaFormatException {
        long number = packets++;
        long pts = packet.pts() != Ticks.NONE ? packet.pts() : packet.dts();
        String where = "the H.264 picture at " + (pts == Ticks.NONE ? "an unknown time" : Ticks.toMillis(pts) + " ms")
                + " (packet " + number + " from the keyframe)";
        if (pts == Ticks.NONE) {
            throw new MediaFormatException(where + " has no timestamp; pictures cannot be put in display order");
        }
        try {
            return decodeAccessUnit(packet.data().duplicate(), pts, where);
        } catch (MediaFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MediaFormatException("cannot decode " + where + " (" + e + ")", e);
        }
    }

    private List<Frame> decodeAccessUnit(ByteBuffer data, long pts, String where) throws MediaFormatException {
        AvcPicture picture = null;
        List<Frame> out = new ArrayList<>();
        for (ByteBuffer nal : AnnexB.split(data)) {
            if (!nal.hasRemaining()) {
                continue;
            }
            int header = nal.get(nal.position()) & 0xff;
            int type = header & 0x1f;
            if (type == 1 || type == 5) {
                byte[] rbsp = Rbsp.unescape(nal.duplicate().position(nal.position() + 1));
                SliceStart start = SliceHeaderParser.parse(rbsp, type, header >> 5, spsById::get, ppsById::get);
                SliceHeader slice = start.header();
                Pps pps = ppsById.get(slice.ppsId());
                Sps sps = spsById.get(pps.spsId());
                if (picture != null && slice.firstMbInSlice() == 0) {
                    out.addAll(finish(picture));
                    picture = null;
                }
                if (picture == null) {
                    activeSps = sps;
                    picture = dpb.begin(sps, slice, pts);
                    picture.clearMacroblockData();
                }
                if (sps.widthMbs() != picture.widthMbs || sps.heightMbs() != picture.heightMbs) {
                    throw new MediaFormatException(where + ": a slice refers to a sequence parameter set of another "
                            + "picture size");
                }
                AvcPicture[][] refs = dpb.refLists(slice, picture);
                int sliceId = picture.slices.size();
                picture.slices.add(slice);
                SliceDecoder.decode(new SliceContext(sps, pps, slice, picture, refs, sliceId), rbsp,
                        start.dataBitOffset(), mb);
            } else if (type == 7 || type == 8) {
                parameterSet(nal, where);
            }
            // SEI, access unit delimiters, end of sequence/stream, filler: nothing to do.
        }
        if (picture != null) {
            out.addAll(finish(picture));
        }
        return out;
    }

    private List<Frame> finish(AvcPicture picture) throws MediaFormatException {
        for (int addr = 0; addr < picture.sliceId.length; addr++) {
            if (picture.sliceId[addr] < 0) {
                throw new MediaFormatException("H.264 picture " + picture.frameNum + " lacks macroblock " + addr
                        + " (a slice is missing)");
            }
        }
        deblocker.filter(picture, ppsById::get);
        return frames(dpb.finish(picture));
    }

    @Override
    public List<Frame> flush() {
        return frames(dpb.flush());
    }

    private List<Frame> frames(List<AvcPicture> pictures) {
        List<Frame> frames = new ArrayList<>(pictures.size());
        for (AvcPicture p : pictures) {
            frames.add(toFrame(p, activeSps));
        }
        return frames;
    }

    private void parameterSet(ByteBuffer nal, String where) throws MediaFormatException {
        int type = nal.get(nal.position()) & 0x1f;
        byte[] rbsp = Rbsp.unescape(nal.duplicate().position(nal.position() + 1));
        if (type == 7) {
            Sps sps = SpsParser.parse(rbsp);
            spsById.put(sps.spsId(), sps);
        } else if (type == 8) {
            Pps pps = PpsParser.parse(rbsp, spsById::get);
            ppsById.put(pps.ppsId(), pps);
        }
    }

    /** Copies the displayed part of a picture, cropped to an even size, into a frame. */
    static Frame toFrame(AvcPicture p, Sps sps) {
        int w = sps.width() & ~1;
        int h = sps.height() & ~1;
        int cw = w / 2;
        int ch = h / 2;
        byte[] y = new byte[w * h];
        byte[] u = new byte[cw * ch];
        byte[] v = new byte[cw * ch];
        for (int row = 0; row < h; row++) {
            System.arraycopy(p.y, (row + sps.cropTop()) * p.stride + sps.cropLeft(), y, row * w, w);
        }
        int cx = sps.cropLeft() / 2;
        int cy = sps.cropTop() / 2;
        for (int row = 0; row < ch; row++) {
            System.arraycopy(p.cb, (row + cy) * p.chromaStride + cx, u, row * cw, cw);
            System.arraycopy(p.cr, (row + cy) * p.chromaStride + cx, v, row * cw, cw);
        }
        return new Frame(w, h, y, u, v, p.pts);
    }

    @Override
    public void close() {
        // Nothing outside the heap: no threads, no native resources.
    }
}
