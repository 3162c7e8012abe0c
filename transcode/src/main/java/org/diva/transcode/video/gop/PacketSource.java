package org.diva.transcode.video.gop;

import java.io.IOException;
import java.util.Optional;
import org.diva.transcode.stream.Packet;

/** The packets of one video stream in decoding order, e.g. a demuxer's, filtered to one stream. */
@FunctionalInterface
public interface PacketSource {
    /** The next packet, or empty at the end. */
    Optional<Packet> read() throws IOException;
}
