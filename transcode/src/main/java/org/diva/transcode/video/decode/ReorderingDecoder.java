package org.diva.transcode.video.decode;

import java.util.List;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.video.Frame;
import org.jcodec.common.model.Picture;

/**
 * What JCodec's decoders share: one picture out per packet in, in decoding order, stamped with the packet's
 * presentation time and put back into display order. JCodec signals damage with any runtime exception (index out of
 * bounds in a VLC table, "not enough references"...), which becomes a {@link MediaFormatException} naming the packet.
 */
abstract class ReorderingDecoder implements VideoDecoder {
    protected final ReorderBuffer reorder;
    private long packets;

    ReorderingDecoder(int depth) {
        reorder = new ReorderBuffer(depth);
    }

    /** Decodes one packet into a JCodec picture, or null when it holds none (a skipped picture, headers only). */
    protected abstract Picture decodePicture(Packet packet, String where) throws MediaFormatException;

    @Override
    public final List<Frame> decode(Packet packet) throws MediaFormatException {
        long number = packets++;
        long pts = packet.pts() != Ticks.NONE ? packet.pts() : packet.dts();
        String where = (pts == Ticks.NONE ? "the video packet" : "the video picture at " + Ticks.toMillis(pts) + " ms")
                + " (packet " + number + " from the keyframe)";
        if (pts == Ticks.NONE) {
            throw new MediaFormatException(where + " has no timestamp; pictures cannot be put in display order");
        }
        Picture picture;
        try {
            picture = decodePicture(packet, where);
        } catch (MediaFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MediaFormatException("cannot decode " + where + " (" + e + ")", e);
        }
        return picture == null ? List.of() : reorder.add(JCodecPictures.toFrame(picture, pts));
    }

    @Override
    public List<Frame> flush() {
        return reorder.drain();
    }
}
