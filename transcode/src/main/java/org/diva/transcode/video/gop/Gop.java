package org.diva.transcode.video.gop;

import java.util.List;
import org.diva.transcode.stream.Packet;

/**
 * One independently decodable run of packets and the span of presentation time it is responsible for.
 *
 * @param number   position in the stream, from 0
 * @param packets  in decoding order, starting with a keyframe; may end with the next keyframe and its leading
 *                 pictures, decoded only to finish this GOP's span (open GOPs)
 * @param startPts the keyframe's presentation time: frames before it belong to the previous GOP
 * @param endPts   the next keyframe's presentation time ({@link Long#MAX_VALUE} for the last GOP)
 * @param frames   how many pictures fall in [startPts, endPts)
 * @param duration the span in ticks (for the last GOP, estimated from its frame spacing)
 */
record Gop(long number, List<Packet> packets, long startPts, long endPts, int frames, long duration) {
    Gop {
        packets = List.copyOf(packets);
        if (packets.isEmpty() || frames <= 0 || duration <= 0) {
            throw new IllegalArgumentException("empty GOP " + number);
        }
    }

    boolean owns(long pts) {
        return pts >= startPts && pts < endPts;
    }
}
