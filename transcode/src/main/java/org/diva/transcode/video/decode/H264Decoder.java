package org.diva.transcode.video.decode;

import java.nio.ByteBuffer;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

/**
 * H.264 through JCodec: progressive 8-bit 4:2:0, any profile JCodec handles (CABAC, B-frames, 8x8 transforms).
 * JCodec 0.2.5 returns pictures in decoding order, so they pass a {@link ReorderBuffer} sized from the SPS.
 */
final class H264Decoder extends ReorderingDecoder {
    private final H264Inspector inspector = new H264Inspector();
    private final SingleThreadH264 jcodec;

    /** @param codecPrivate Annex B SPS and PPS, or empty when they come in band */
    H264Decoder(ByteBuffer codecPrivate) throws MediaFormatException {
        super(ReorderBuffer.MAX_DEPTH);
        if (codecPrivate.hasRemaining()) {
            inspector.inspect(codecPrivate, "the stream's decoder configuration");
        }
        jcodec = new SingleThreadH264(codecPrivate, 16, 16);
    }

    @Override
    protected Picture decodePicture(Packet packet, String where) throws MediaFormatException {
        inspector.inspect(packet.data(), where);
        reorder.setDepth(inspector.reorderDepth());
        // JCodec keeps the planes it decodes into as reference pictures: each picture needs fresh ones.
        byte[][] planes = Picture.create(inspector.codedWidth(), inspector.codedHeight(), ColorSpace.YUV420J)
                .getData();
        return jcodec.decodeInto(packet.data().duplicate(), planes);
    }

    @Override
    public void close() {
        jcodec.close();
    }
}
