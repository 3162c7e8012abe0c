package org.diva.transcode.demux.mpeg;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.diva.transcode.probe.mpeg.MpegStreamCodec;
import org.diva.transcode.probe.mpeg.ProgramMap;
import org.diva.transcode.probe.mpeg.TsStreamTypes;

/**
 * The program stream map (ISO/IEC 13818-1 section 2.5.4): the stream_type of each elementary_stream_id, in the same
 * numbering as a PMT, so H.264 or AAC in a program stream can say what it is. Every length is checked against the
 * packet; a map that does not fit is ignored.
 */
final class PsStreamMap {
    private PsStreamMap() {
    }

    /** Adds the map's stream types to {@code types}, keyed by stream id. */
    static void parse(byte[] data, int offset, int length, Map<Integer, Integer> types) {
        int end = offset + length;
        if (length < 10) {
            return;
        }
        int infoLength = ((data[offset + 2] & 0xff) << 8) | (data[offset + 3] & 0xff);
        int at = offset + 4 + infoLength;
        if (at + 2 > end) {
            return;
        }
        int mapLength = ((data[at] & 0xff) << 8) | (data[at + 1] & 0xff);
        at += 2;
        int mapEnd = Math.min(end, at + mapLength);
        while (at + 4 <= mapEnd) {
            int type = data[at] & 0xff;
            int id = data[at + 1] & 0xff;
            int esInfo = ((data[at + 2] & 0xff) << 8) | (data[at + 3] & 0xff);
            types.put(id, type);
            at += 4 + esInfo;
        }
    }

    /** What a mapped stream type says the stream is; empty when unmapped or unknown. */
    static Optional<MpegStreamCodec> codec(Integer streamType) {
        if (streamType == null) {
            return Optional.empty();
        }
        ProgramMap.Stream stream = new ProgramMap.Stream(0, streamType, Optional.empty(), Set.of(), Optional.empty(),
                false);
        return TsStreamTypes.classify(stream, false);
    }
}
