package org.diva.transcode.demux.matroska;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.probe.HeaderSource;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.matroska.EbmlReader;
import org.diva.transcode.probe.matroska.MatroskaIds;
import org.diva.transcode.probe.matroska.MatroskaSegment;
import org.diva.transcode.probe.matroska.MatroskaTrackEntry;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.stream.Ticks;

/**
 * Demuxes Matroska and WebM (RFC 9559): SimpleBlocks and BlockGroups, all three lacings, header stripping and zlib,
 * in file order, with payloads normalised as {@link ElementaryStream} describes.
 *
 * <p>Timing: a block's time is its Cluster's Timestamp plus the block's signed 16-bit relative timestamp, in
 * TimestampScale units (nanoseconds each), minus the track's CodecDelay; it is the presentation time (Matroska
 * stores frames in decoding order but stamps them with presentation times), so video packets carry no DTS. The
 * frames of a laced block share its duration (BlockDuration, else DefaultDuration times the frame count) evenly
 * and follow each other; without a duration only the first frame is stamped, as the specification leaves the
 * others' times to the codec.
 *
 * <p>Seeking goes to the Cluster that the Cues name for the last cue point at or before the time (the first
 * Cluster when there are no Cues), then walks block headers forward to the last keyframe of the seek track at or
 * before the time, so the next read returns exactly that keyframe.
 */
public final class MatroskaDemuxer implements Demuxer {
    private final EbmlReader ebml;
    private final MatroskaSegment segment;
    private final long timestampScale;
    private final OptionalLong duration;
    private final List<ElementaryStream> streams = new ArrayList<>();
    private final Map<Long, DemuxTrack> tracks = new HashMap<>();
    /** Seeks past this (about 350 years) go to the end, so no time can overflow the conversions. */
    private static final long MAX_SEEK = 1L << 50;
    private final ClusterCursor cursor;
    private final ClusterCursor.State start;
    private final FileOrder pending = new FileOrder();
    private final long seekTrack;
    private CueIndex cues;
    private Set<Integer> selected;

    private MatroskaDemuxer(EbmlReader ebml, MatroskaSegment segment, long timestampScale, OptionalLong duration,
                            List<MatroskaTrackEntry> entries) throws IOException {
        this.ebml = ebml;
        this.segment = segment;
        this.timestampScale = timestampScale;
        this.duration = duration;
        for (MatroskaTrackEntry entry : entries) {
            Optional<DemuxTrack> track = TrackFactory.create(entry, streams.size(), duration);
            if (track.isPresent() && !tracks.containsKey(entry.number())) {
                tracks.put(entry.number(), track.get());
                streams.add(track.get().stream());
            }
        }
        if (streams.isEmpty()) {
            throw new MediaFormatException("Matroska file has no track the demuxer can read");
        }
        this.seekTrack = pickSeekTrack();
        long first = segment.firstCluster().orElse(segment.stoppedAt());
        this.cursor = new ClusterCursor(ebml, segment.end(), first);
        this.start = cursor.state();
    }

    /** Reads the headers of the Matroska file on {@code channel}; the channel stays the caller's. */
    public static MatroskaDemuxer open(SeekableByteChannel channel) throws IOException {
        EbmlReader ebml = new EbmlReader(new HeaderSource(channel, "Matroska", Long.MAX_VALUE));
        MatroskaSegment segment = MatroskaSegment.read(ebml);
        long scale = 1_000_000;
        double stated = -1;
        Optional<EbmlReader.Element> info = segment.element(MatroskaIds.INFO);
        if (info.isPresent()) {
            for (EbmlReader.Element e : ebml.children(info.get())) {
                if (e.id() == MatroskaIds.TIMESTAMP_SCALE) {
                    scale = ebml.unsigned(e);
                } else if (e.id() == MatroskaIds.DURATION) {
                    stated = ebml.floating(e);
                }
            }
        }
        if (scale <= 0 || scale > 1_000_000_000L) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "damaged Matroska: TimestampScale %d ns in Info at byte %,d is out of range", scale,
                    info.map(EbmlReader.Element::offset).orElse(0L)));
        }
        double ticks = stated * scale * Ticks.PER_SECOND / 1e9;
        OptionalLong duration = stated > 0 && ticks < Long.MAX_VALUE / 2
                ? OptionalLong.of(Math.round(ticks)) : OptionalLong.empty();
        List<MatroskaTrackEntry> entries = new ArrayList<>();
        for (EbmlReader.Element e : ebml.children(segment.tracks())) {
            if (e.id() == MatroskaIds.TRACK_ENTRY) {
                entries.add(MatroskaTrackEntry.read(ebml, e));
            }
        }
        return new MatroskaDemuxer(ebml, segment, scale, duration, entries);
    }

    @Override
    public List<ElementaryStream> streams() {
        return List.copyOf(streams);
    }

    @Override
    public OptionalLong duration() {
        return duration;
    }

    /**
     * Limits {@link #read()} to the packets of these streams; the frames of the others are then not even read,
     * which makes pulling one subtitle track out of a film cheap.
     */
    public void select(Set<Integer> streamIndexes) {
        selected = Set.copyOf(streamIndexes);
        pending.keepOnly(selected);
    }

    @Override
    public Optional<Packet> read() throws IOException {
        while (!pending.ready()) {
            Optional<ClusterCursor.BlockRef> ref = cursor.next();
            if (ref.isEmpty()) {
                pending.flush();
                if (pending.isEmpty()) {
                    return Optional.empty();
                }
                break;
            }
            decode(ref.get());
        }
        return Optional.of(pending.poll());
    }

    private void decode(ClusterCursor.BlockRef ref) throws IOException {
        if (selected != null) {
            byte[] head = ebml.source().bytes(ref.dataOffset(), Math.min(ref.dataSize(), 12), "Block");
            DemuxTrack track = tracks.get(BlockHeader.parse(head, ref).track());
            if (track == null || !selected.contains(track.stream().index())) {
                return;
            }
        }
        byte[] data = ebml.source().bytes(ref.dataOffset(), ref.dataSize(), "Block");
        BlockHeader header = BlockHeader.parse(data, ref);
        DemuxTrack track = tracks.get(header.track());
        if (track == null) {
            return; // a track the file does not list, or one the demuxer cannot serve
        }
        int[][] frames = Lacing.split(data, header.framesOffset(), data.length, header.lacing(), ref.dataOffset());
        long time = header.time(timestampScale, track);
        // DefaultDuration is in nanoseconds whatever the TimestampScale; an absurd one (past a day) is ignored.
        long defaultDuration = track.defaultDuration() <= 86_400_000_000_000L ? track.defaultDuration() : 0;
        long blockDuration = ref.duration() >= 0 ? ref.duration()
                : defaultDuration * frames.length / timestampScale;
        long laceDuration = blockDuration / frames.length;
        boolean reordered = track.stream().kind() == StreamKind.VIDEO;
        boolean keyframe = isKeyframe(ref, header, track);
        boolean timed = true;
        for (int[] frame : frames) {
            long pts = timed ? toTicks(time) : Ticks.NONE;
            Packet packet = new Packet(track.stream().index(), pts, reordered ? Ticks.NONE : pts,
                    toTicks(laceDuration), keyframe,
                    track.payload(data, frame[0], frame[1], keyframe, ref.dataOffset()));
            if (reordered) {
                pending.addReordered(packet);
            } else {
                pending.add(packet);
            }
            time += laceDuration;
            timed = laceDuration > 0;
        }
    }

    /**
     * A SimpleBlock says so in its flags, a Block by having no ReferenceBlock. Audio and subtitle frames decode on
     * their own whatever a muxer flagged, so only video frames can be other than keyframes.
     */
    private static boolean isKeyframe(ClusterCursor.BlockRef ref, BlockHeader header, DemuxTrack track) {
        if (track.stream().kind() != StreamKind.VIDEO) {
            return true;
        }
        return ref.simple() ? header.keyframe() : !ref.referenced();
    }

    /** Timestamp units to ticks, exactly for any scale that divides a second into whole nanoseconds. */
    private long toTicks(long units) throws MediaFormatException {
        try {
            return Ticks.fromTimescale(Math.multiplyExact(units, timestampScale), 1_000_000_000L);
        } catch (ArithmeticException e) {
            throw new MediaFormatException("damaged Matroska: a block timestamp of " + units + " units overflows");
        }
    }

    @Override
    public long seek(long ticks) throws IOException {
        pending.clear();
        long wanted = Math.min(Math.max(0, ticks), MAX_SEEK);
        long target = Ticks.toTimescale(wanted, 1_000_000_000L) / timestampScale;
        Optional<Long> cluster = cues().clusterAtOrBefore(target);
        if (cluster.isPresent()) {
            try {
                if (ebml.header(cluster.get()).id() == MatroskaIds.CLUSTER) {
                    Optional<Long> landed = seekFrom(new ClusterCursor.State(cluster.get(), false, -1, 0), wanted);
                    if (landed.isPresent()) {
                        return landed.get();
                    }
                }
            } catch (MediaFormatException wrongCue) {
                // The Cues point at something unreadable: walk from the start instead.
            }
        }
        Optional<Long> landed = seekFrom(start, wanted);
        if (landed.isEmpty()) {
            cursor.restore(start); // no keyframe at all: reading starts over
        }
        return landed.orElse(0L);
    }

    /**
     * Walks from {@code from} to the last seek-track keyframe at or before {@code ticks} (or the first one, when
     * {@code ticks} is earlier), leaves the cursor before it and returns its time; empty if none was met.
     */
    private Optional<Long> seekFrom(ClusterCursor.State from, long ticks) throws IOException {
        cursor.restore(from);
        ClusterCursor.State best = null;
        long bestPts = 0;
        while (true) {
            Optional<ClusterCursor.BlockRef> ref = cursor.next();
            if (ref.isEmpty()) {
                break;
            }
            byte[] head = ebml.source().bytes(ref.get().dataOffset(), Math.min(ref.get().dataSize(), 12), "Block");
            BlockHeader header = BlockHeader.parse(head, ref.get());
            DemuxTrack track = tracks.get(header.track());
            if (track == null || header.track() != seekTrack || !isKeyframe(ref.get(), header, track)) {
                continue;
            }
            long pts = toTicks(header.time(timestampScale, track));
            if (pts > ticks && best != null) {
                break;
            }
            best = ref.get().before();
            bestPts = pts;
            if (pts > ticks) {
                break; // the time is before the first keyframe: start at that keyframe
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        cursor.restore(best);
        return Optional.of(bestPts);
    }

    private CueIndex cues() throws IOException {
        if (cues == null) {
            Optional<EbmlReader.Element> element = segment.element(MatroskaIds.CUES);
            cues = element.isPresent()
                    ? CueIndex.read(ebml, element.get(), segment.dataOffset(), seekTrack) : CueIndex.empty();
        }
        return cues;
    }

    /** The track of the first video stream, else of the first audio stream, else of the first stream. */
    private long pickSeekTrack() {
        ElementaryStream chosen = streams.stream().filter(s -> s.kind() == StreamKind.VIDEO).findFirst()
                .or(() -> streams.stream().filter(s -> s.kind() == StreamKind.AUDIO).findFirst())
                .orElse(streams.get(0));
        return tracks.values().stream().filter(t -> t.stream().index() == chosen.index()).findFirst()
                .orElseThrow().number();
    }

    @Override
    public void close() {
        pending.clear();
    }
}
