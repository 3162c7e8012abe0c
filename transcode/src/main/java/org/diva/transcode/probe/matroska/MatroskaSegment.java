package org.diva.transcode.probe.matroska;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.diva.transcode.probe.HeaderSource;
import org.diva.transcode.probe.MediaFormatException;

/**
 * The layout of a Matroska file, shared by the probe and the demuxer: the EBML header's DocType, the Segment, and
 * the Segment's top-level elements (Info, Tracks, Cues, Tags) with where the first Cluster starts.
 *
 * <p>How: the Segment's top-level elements are walked by their sizes, never their contents, up to the first
 * Cluster; muxers put Info and Tracks before it. Elements written after the Clusters (mkvmerge's Tags, the Cues of
 * a file written in one pass) are found through the SeekHead, whose positions are relative to the Segment's data
 * (RFC 9559 section 5.1.1). Damage to the SeekHead only costs what it would have found.
 */
public final class MatroskaSegment {
    private static final int MAX_TOP_LEVEL_ELEMENTS = 4096;
    private static final int MAX_SEEK_HEADS = 4;
    private static final int[] FOLLOWED = {MatroskaIds.SEEK_HEAD, MatroskaIds.TRACKS, MatroskaIds.INFO,
        MatroskaIds.TAGS, MatroskaIds.CUES};

    private final String docType;
    private final EbmlReader.Element segment;
    private final long end;
    private final Map<Integer, EbmlReader.Element> found = new HashMap<>();
    private final Map<Integer, Long> seekTargets = new HashMap<>();
    private MediaFormatException scanError;
    private long firstCluster = -1;
    private long stoppedAt;

    private MatroskaSegment(String docType, EbmlReader.Element segment, long end) {
        this.docType = docType;
        this.segment = segment;
        this.end = end;
    }

    /** Reads the EBML header and walks the Segment's head; the Tracks element must be found. */
    public static MatroskaSegment read(EbmlReader ebml) throws IOException {
        String docType = readDocType(ebml);
        EbmlReader.Element segment = findSegment(ebml);
        long size = ebml.source().size();
        MatroskaSegment top = new MatroskaSegment(docType, segment,
                segment.sizeUnknown() ? size : Math.min(segment.end(), size));
        top.scan(ebml);
        EbmlReader.Element tracks = top.found.get(MatroskaIds.TRACKS);
        if (tracks == null) {
            if (top.scanError != null) {
                throw top.scanError;
            }
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "Matroska file has no Tracks element before its first "
                    + "Cluster (at byte %,d) and no SeekHead entry pointing to one", top.stoppedAt));
        }
        ebml.requireWithin(tracks, top.end, "Segment");
        return top;
    }

    /** "matroska" or "webm". */
    public String docType() {
        return docType;
    }

    /** Where the Segment's data starts: the origin of SeekHead and Cues positions. */
    public long dataOffset() {
        return segment.dataOffset();
    }

    /** Where the Segment ends: its stated end, or the end of the file when its size is unknown or too big. */
    public long end() {
        return end;
    }

    public EbmlReader.Element tracks() {
        return found.get(MatroskaIds.TRACKS);
    }

    /** A top-level element found in the head or through the SeekHead (INFO, TAGS, CUES). */
    public Optional<EbmlReader.Element> element(int id) {
        return Optional.ofNullable(found.get(id));
    }

    /** The offset of the first Cluster met walking the head, if the walk reached one. */
    public Optional<Long> firstCluster() {
        return firstCluster < 0 ? Optional.empty() : Optional.of(firstCluster);
    }

    /** Where the walk of the head stopped: the first Cluster, or the element it could not pass. */
    public long stoppedAt() {
        return stoppedAt;
    }

    private void scan(EbmlReader ebml) throws IOException {
        ArrayDeque<EbmlReader.Element> seekHeads = new ArrayDeque<>();
        long position = segment.dataOffset();
        try {
            for (int i = 0; i < MAX_TOP_LEVEL_ELEMENTS && position < end; i++) {
                EbmlReader.Element e = ebml.header(position);
                if (e.id() == MatroskaIds.CLUSTER) {
                    firstCluster = position;
                    break;
                }
                if (e.sizeUnknown()) {
                    throw ebml.source().error(e.describe() + " has an unknown size, which only Segment and "
                            + "Cluster may have", position);
                }
                if (e.id() == MatroskaIds.SEEK_HEAD) {
                    seekHeads.add(e);
                } else {
                    found.putIfAbsent(e.id(), e);
                }
                ebml.requireWithin(e, end, "Segment");
                position = e.end();
            }
        } catch (MediaFormatException e) {
            scanError = e; // kept in case the SeekHeads cannot make up for it
        }
        stoppedAt = position;
        followSeekHeads(ebml, seekHeads);
    }

    private void followSeekHeads(EbmlReader ebml, ArrayDeque<EbmlReader.Element> pending) throws IOException {
        Set<Long> visited = new HashSet<>();
        while (!pending.isEmpty() && visited.size() < MAX_SEEK_HEADS) {
            EbmlReader.Element seekHead = pending.poll();
            if (!visited.add(seekHead.offset())) {
                continue;
            }
            try {
                readSeekHead(ebml, seekHead);
            } catch (MediaFormatException damaged) {
                continue; // a damaged index only costs what it would have found
            }
            for (int id : FOLLOWED) {
                Long target = seekTargets.remove(id);
                if (target == null || (id != MatroskaIds.SEEK_HEAD && found.containsKey(id))) {
                    continue;
                }
                try {
                    EbmlReader.Element e = ebml.header(target);
                    if (e.id() == id && !e.sizeUnknown()) {
                        if (id == MatroskaIds.SEEK_HEAD) {
                            pending.add(e);
                        } else {
                            found.put(id, e);
                        }
                    }
                } catch (MediaFormatException wrongPointer) {
                    // The SeekHead points at nothing readable; the element stays missing.
                }
            }
        }
    }

    private void readSeekHead(EbmlReader ebml, EbmlReader.Element seekHead) throws IOException {
        ebml.requireWithin(seekHead, end, "Segment");
        for (EbmlReader.Element seek : ebml.children(seekHead)) {
            if (seek.id() != MatroskaIds.SEEK) {
                continue;
            }
            long id = -1;
            long offset = -1;
            for (EbmlReader.Element field : ebml.children(seek)) {
                if (field.id() == MatroskaIds.SEEK_ID && field.size() <= 4) {
                    id = ebml.unsigned(field);
                } else if (field.id() == MatroskaIds.SEEK_POSITION) {
                    offset = ebml.unsigned(field);
                }
            }
            if (id >= 0 && offset >= 0 && offset < end - segment.dataOffset()) {
                seekTargets.putIfAbsent((int) id, segment.dataOffset() + offset);
            }
        }
    }

    private static String readDocType(EbmlReader ebml) throws IOException {
        HeaderSource source = ebml.source();
        if (source.size() < 4) {
            throw new MediaFormatException(String.format(Locale.ROOT, 
                    "not a Matroska file: it is %,d bytes long, too short for an EBML header", source.size()));
        }
        byte[] magic = source.bytes(0, 4, "EBML header");
        if ((magic[0] & 0xff) != 0x1A || (magic[1] & 0xff) != 0x45 || (magic[2] & 0xff) != 0xDF
                || (magic[3] & 0xff) != 0xA3) {
            throw new MediaFormatException("not a Matroska file: it does not start with an EBML header");
        }
        EbmlReader.Element header = ebml.header(0);
        if (header.sizeUnknown()) {
            throw source.error("the EBML header has an unknown size", 0);
        }
        ebml.requireWithin(header, source.size(), "file");
        String docType = "matroska";
        for (EbmlReader.Element e : ebml.children(header)) {
            if (e.id() == MatroskaIds.DOC_TYPE) {
                docType = ebml.string(e);
            }
        }
        if (!docType.equals("matroska") && !docType.equals("webm")) {
            throw new MediaFormatException("not a Matroska file: its EBML DocType is \"" + docType + "\"");
        }
        return docType;
    }

    private static EbmlReader.Element findSegment(EbmlReader ebml) throws IOException {
        long position = ebml.header(0).end();
        for (int i = 0; i < MAX_TOP_LEVEL_ELEMENTS && position < ebml.source().size(); i++) {
            EbmlReader.Element e = ebml.header(position);
            if (e.id() == MatroskaIds.SEGMENT) {
                return e;
            }
            if (e.sizeUnknown()) {
                break;
            }
            position = e.end();
        }
        throw new MediaFormatException(String.format(Locale.ROOT, 
                "truncated Matroska: no Segment follows the EBML header (the file ends at byte %,d)",
                ebml.source().size()));
    }
}
