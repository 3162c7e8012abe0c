package org.diva.transcode.video.decode;

import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;
import org.jcodec.codecs.mpeg12.MPEGDecoder;
import org.jcodec.common.model.Picture;

/**
 * MPEG-1 and MPEG-2 video (ISO/IEC 11172-2, 13818-2) through JCodec, which decodes in coding order and copies its
 * reference pictures, so one set of planes serves every picture. Packets are whole pictures with the sequence header
 * in band before each GOP, as DVDs and broadcasts carry them.
 */
final class MpegVideoDecoder extends ReorderingDecoder {
    /** An I or P picture is shown only after the B pictures coded after it: one picture of delay suffices. */
    private static final int DEPTH = 1;

    private final MPEGDecoder jcodec = new MPEGDecoder();
    private final PlaneSize size = new PlaneSize(true);
    private byte[][] planes;

    MpegVideoDecoder() {
        super(DEPTH);
    }

    @Override
    protected Picture decodePicture(Packet packet, String where) throws MediaFormatException {
        if (planes == null) {
            // Field pictures round the height to 32 lines (two macroblock rows of 16 per field).
            planes = size.planes(jcodec.getCodecMeta(packet.data().duplicate()), 16, 32, where);
        }
        return jcodec.decodeFrame(packet.data().duplicate(), planes);
    }

    @Override
    public void close() {
        planes = null;
    }
}
