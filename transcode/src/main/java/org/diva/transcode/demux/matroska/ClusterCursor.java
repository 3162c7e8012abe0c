package org.diva.transcode.demux.matroska;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.matroska.EbmlReader;
import org.diva.transcode.probe.matroska.MatroskaIds;

/**
 * Walks the Clusters of a Segment block by block, without reading the blocks' frames.
 *
 * <p>A Cluster of known size ends at its size; one of unknown size (live WebM, RFC 9559 section 6.2) ends where an
 * element that can only be a Segment child starts, such as the next Cluster, Cues or Tags. Inside a Cluster only
 * the Timestamp, SimpleBlocks and BlockGroups matter; anything else (Void, CRC-32, Position, PrevSize) is skipped
 * by its size. Every step moves forward by at least one element header, so no file can make the walk loop, and
 * every element is checked against its Cluster and the file before it is used.
 */
final class ClusterCursor {
    /** A Block of more than this is damage: no real frame, even uncompressed 4K, comes near it. */
    static final long MAX_BLOCK = 128L * 1024 * 1024;
    /** A block lasting longer than this (in TimestampScale units: 2^40 ms is 35 years) is damage. */
    static final long MAX_DURATION = 1L << 40;

    /** Where the walk is: enough to come back to a block later (seeking) exactly as if walked to. */
    record State(long position, boolean inCluster, long clusterEnd, long clusterTimestamp) {
    }

    /**
     * A block found: where its element starts, its data (the Block or SimpleBlock body), the Cluster Timestamp in
     * force, and for a BlockGroup its BlockDuration (-1 if absent) and whether it has a ReferenceBlock.
     */
    record BlockRef(State before, long dataOffset, int dataSize, long clusterTimestamp, boolean simple,
                    long duration, boolean referenced) {
    }

    private final EbmlReader ebml;
    private final long segmentEnd;
    private State state;

    ClusterCursor(EbmlReader ebml, long segmentEnd, long start) {
        this.ebml = ebml;
        this.segmentEnd = segmentEnd;
        this.state = new State(start, false, -1, 0);
    }

    State state() {
        return state;
    }

    void restore(State saved) {
        state = saved;
    }

    /** The next block in file order, or empty at the end of the Segment. */
    Optional<BlockRef> next() throws IOException {
        long fileSize = ebml.source().size();
        while (true) {
            State before = state;
            long position = state.position();
            if (state.inCluster()) {
                long limit = state.clusterEnd() < 0 ? segmentEnd : state.clusterEnd();
                if (position >= limit || position >= fileSize) {
                    if (position < limit && state.clusterEnd() >= 0) {
                        throw new MediaFormatException(String.format(Locale.ROOT,
                                "truncated Matroska: a Cluster ends at byte %,d but the file ends at byte %,d",
                                state.clusterEnd(), fileSize));
                    }
                    state = new State(Math.max(position, Math.min(limit, fileSize)), false, -1, 0);
                    continue;
                }
                EbmlReader.Element e = ebml.header(position);
                if (isSegmentChild(e.id())) {
                    state = new State(position, false, -1, 0); // an unknown-size Cluster ends here
                    continue;
                }
                if (e.sizeUnknown()) {
                    throw ebml.source().error(e.describe() + " inside a Cluster has an unknown size", position);
                }
                ebml.requireWithin(e, limit, "Cluster");
                state = new State(e.end(), true, state.clusterEnd(), state.clusterTimestamp());
                switch (e.id()) {
                    case MatroskaIds.CLUSTER_TIMESTAMP -> state = new State(e.end(), true, state.clusterEnd(),
                            ebml.unsigned(e));
                    case MatroskaIds.SIMPLE_BLOCK -> {
                        return Optional.of(new BlockRef(before, e.dataOffset(), blockSize(e),
                                state.clusterTimestamp(), true, -1, false));
                    }
                    case MatroskaIds.BLOCK_GROUP -> {
                        Optional<BlockRef> block = group(e, before);
                        if (block.isPresent()) {
                            return block;
                        }
                    }
                    default -> { }
                }
                continue;
            }
            if (position >= segmentEnd || position >= fileSize) {
                return Optional.empty();
            }
            EbmlReader.Element e = ebml.header(position);
            if (e.id() == MatroskaIds.CLUSTER) {
                state = new State(e.dataOffset(), true, e.sizeUnknown() ? -1 : e.end(), 0);
            } else if (e.sizeUnknown()) {
                throw ebml.source().error(e.describe() + " has an unknown size, which only Segment and Cluster may "
                        + "have", position);
            } else {
                state = new State(e.end(), false, -1, 0);
            }
        }
    }

    private Optional<BlockRef> group(EbmlReader.Element group, State before) throws IOException {
        EbmlReader.Element block = null;
        long duration = -1;
        boolean referenced = false;
        for (EbmlReader.Element c : ebml.children(group)) {
            switch (c.id()) {
                case MatroskaIds.BLOCK -> block = c;
                case MatroskaIds.BLOCK_DURATION -> {
                    duration = ebml.unsigned(c);
                    if (duration < 0 || duration > MAX_DURATION) {
                        throw ebml.source().error("BlockDuration " + Long.toUnsignedString(duration)
                                + " is out of range", c.offset());
                    }
                }
                case MatroskaIds.REFERENCE_BLOCK -> referenced = true;
                default -> { }
            }
        }
        if (block == null) {
            return Optional.empty();
        }
        return Optional.of(new BlockRef(before, block.dataOffset(), blockSize(block), state.clusterTimestamp(),
                false, duration, referenced));
    }

    private int blockSize(EbmlReader.Element e) throws MediaFormatException {
        if (e.size() > MAX_BLOCK || e.size() < 4) {
            throw ebml.source().error(String.format(Locale.ROOT, "%s of %,d bytes (a block holds 4 to %,d)",
                    e.describe(), e.size(), MAX_BLOCK), e.offset());
        }
        return (int) e.size();
    }

    /** IDs that only a Segment holds: meeting one inside an unknown-size Cluster ends the Cluster. */
    private static boolean isSegmentChild(int id) {
        return switch (id) {
            case MatroskaIds.CLUSTER, MatroskaIds.CUES, MatroskaIds.TAGS, MatroskaIds.SEEK_HEAD, MatroskaIds.INFO,
                 MatroskaIds.TRACKS, 0x1043A770 /* Chapters */, 0x1941A469 /* Attachments */,
                 MatroskaIds.SEGMENT, MatroskaIds.EBML -> true;
            default -> false;
        };
    }
}
