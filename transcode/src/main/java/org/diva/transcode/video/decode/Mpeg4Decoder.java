package org.diva.transcode.video.decode;

import java.nio.ByteBuffer;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;
import org.jcodec.codecs.mpeg4.MPEG4Decoder;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.model.Picture;

/**
 * MPEG-4 Part 2 (ISO/IEC 14496-2 Simple and Advanced Simple: DivX, Xvid) through JCodec. One VOP per packet, the
 * VOL header in band before keyframes or in the codec private bytes. JCodec keeps its output planes as references, so
 * each picture gets its own; a not-coded VOP yields no picture. Global motion compensation (S-VOPs) is refused by
 * JCodec with an exception, reported as damage of that packet.
 */
final class Mpeg4Decoder extends ReorderingDecoder {
    private static final int DEPTH = 1;

    private final MPEG4Decoder jcodec = new MPEG4Decoder();
    private final PlaneSize size = new PlaneSize(false);
    private final byte[] header;
    private VideoCodecMeta meta;

    /** @param codecPrivate the VOS/VOL headers when the container keeps them out of band, else empty */
    Mpeg4Decoder(byte[] codecPrivate) {
        super(DEPTH);
        header = codecPrivate;
    }

    @Override
    protected Picture decodePicture(Packet packet, String where) throws MediaFormatException {
        ByteBuffer data = packet.data().duplicate();
        if (meta == null) {
            if (header.length > 0) {
                // JCodec learns the VOL from the bytes it decodes, and sizes a stream only from a VOL followed by a
                // VOP: the out-of-band header (MP4's esds, Matroska's CodecPrivate) goes in front of the first packet.
                ByteBuffer joined = ByteBuffer.allocate(header.length + data.remaining());
                joined.put(header).put(data).flip();
                data = joined;
            }
            meta = jcodec.getCodecMeta(data.duplicate());
        }
        return jcodec.decodeFrame(data, size.planes(meta, 16, 16, where));
    }

    @Override
    public void close() {
        meta = null;
    }
}
