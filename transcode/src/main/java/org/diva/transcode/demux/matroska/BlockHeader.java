package org.diva.transcode.demux.matroska;

import org.diva.transcode.probe.MediaFormatException;

/**
 * The head of a Block or SimpleBlock (RFC 9559 section 10.1): the track number as an EBML variable-length
 * integer, a signed 16-bit timestamp relative to the Cluster's, and a flags byte (0x80 keyframe in a SimpleBlock,
 * 0x06 the lacing).
 *
 * @param track        the TrackNumber
 * @param relative     the timestamp relative to the Cluster, in TimestampScale units
 * @param keyframe     the SimpleBlock keyframe flag (meaningless in a Block, where ReferenceBlock decides)
 * @param lacing       {@link Lacing#NONE}, XIPH, FIXED or EBML
 * @param framesOffset where the lace header or the frame starts
 * @param cluster      the Cluster Timestamp in force
 */
record BlockHeader(long track, int relative, boolean keyframe, int lacing, int framesOffset, long cluster) {

    static BlockHeader parse(byte[] data, ClusterCursor.BlockRef ref) throws MediaFormatException {
        long[] track = Lacing.vint(data, 0, data.length, ref.dataOffset());
        int p = (int) track[1];
        if (p + 3 > data.length) {
            throw Lacing.damage("the block header is cut off", ref.dataOffset());
        }
        int relative = (short) (((data[p] & 0xff) << 8) | (data[p + 1] & 0xff));
        int flags = data[p + 2] & 0xff;
        return new BlockHeader(track[0], relative, (flags & 0x80) != 0, (flags >> 1) & 3, p + 3,
                ref.clusterTimestamp());
    }

    /** The block's time in TimestampScale units, with the track's CodecDelay taken off (rounded as ffmpeg does). */
    long time(long timestampScale, DemuxTrack track) {
        long delay = (track.codecDelay() + timestampScale / 2) / timestampScale;
        return cluster + relative - delay;
    }
}
