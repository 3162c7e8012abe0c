package org.diva.transcode.video.decode;

import java.util.List;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.video.Frame;

/**
 * Decodes one video stream's packets, in decoding order, into frames in presentation order.
 *
 * <p>Codecs with B-frames decode pictures out of display order, so a decoder holds a few decoded frames back until
 * no earlier one can still come; {@link #flush()} hands over what it holds at the end of the stream (or of a GOP
 * that is decoded on its own). Each frame carries its packet's presentation time. One instance serves one thread.
 */
public interface VideoDecoder extends AutoCloseable {

    /**
     * Decodes one packet.
     *
     * @return the frames now ready, earliest first; often none (a picture held back for reordering)
     * @throws UnsupportedVideoException when the stream uses something the decoder cannot decode
     * @throws MediaFormatException      when the packet is damaged; the decoder's state is then unreliable until the
     *                                   next keyframe
     */
    List<Frame> decode(Packet packet) throws MediaFormatException;

    /** The frames still held back, earliest first; the decoder then starts afresh at a keyframe. */
    List<Frame> flush();

    /** Releases what the decoder holds (JCodec's threads, reference pictures). Idempotent. */
    @Override
    void close();
}
