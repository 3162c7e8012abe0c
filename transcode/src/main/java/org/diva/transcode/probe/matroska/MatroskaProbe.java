package org.diva.transcode.probe.matroska;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.ContainerProbe;
import org.diva.transcode.probe.HeaderSource;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;

/**
 * Probes Matroska and WebM files (.mkv, .webm, .mka, .mks) from their headers: the EBML header's DocType, then the
 * Segment's Info (duration, title), Tracks and, when Info has no title, Tags.
 *
 * <p>How: the Segment's top-level elements are walked by their sizes, never their contents, up to the first
 * Cluster; muxers put Info and Tracks before it. Elements written after the Clusters (mkvmerge's Tags, or Tracks
 * of a file written in one pass) are found through the SeekHead, whose positions are relative to the Segment's
 * data. The Clusters themselves, the body of the file, are never read. The reader descends only along the fixed
 * path Segment, Tracks, TrackEntry, Video/Audio, Colour, so no file can nest it deeper than that, and every byte
 * goes through a {@link HeaderSource} with a 16 MB budget.
 *
 * <p>Damage to Tracks is fatal, since a file without its track list cannot be played; damage to Info, Tags or the
 * SeekHead only costs the facts they would have given.
 */
public final class MatroskaProbe implements ContainerProbe {
    /** The most bytes one probe reads, whatever the file claims. */
    static final long READ_BUDGET = 16L * 1024 * 1024;
    private static final int MAX_TOP_LEVEL_ELEMENTS = 4096;
    private static final int MAX_SEEK_HEADS = 4;

    @Override
    public MediaInfo probe(SeekableByteChannel channel) throws IOException {
        HeaderSource source = new HeaderSource(channel, "Matroska", READ_BUDGET);
        try {
            return read(new EbmlReader(source));
        } catch (RuntimeException e) {
            // A bug here must cost one file its metadata, not the library scan its thread.
            throw new MediaFormatException("internal error while reading Matroska headers: " + e, e);
        }
    }

    private MediaInfo read(EbmlReader ebml) throws IOException {
        HeaderSource source = ebml.source();
        String container = readDocType(ebml);
        EbmlReader.Element segment = findSegment(ebml);
        long segmentEnd = segment.sizeUnknown() ? source.size() : Math.min(segment.end(), source.size());
        TopLevel top = new TopLevel(segment, segmentEnd);
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
        ebml.requireWithin(tracks, segmentEnd, "Segment");
        MediaInfo info = readTracks(ebml, tracks, container);
        MatroskaInfo segmentInfo = MatroskaInfo.readLeniently(ebml, top.found.get(MatroskaIds.INFO), segmentEnd);
        Optional<String> title = segmentInfo.title();
        if (title.isEmpty()) {
            title = MatroskaInfo.titleFromTags(ebml, top.found.get(MatroskaIds.TAGS), segmentEnd);
        }
        if (title.isPresent()) {
            info = info.withTitle(title.get());
        }
        OptionalLong duration = segmentInfo.durationMillis();
        if (duration.isPresent()) {
            info = info.withDuration(duration.getAsLong());
        }
        return info.withDerivedBitrate(source.size());
    }

    /** The tracks, and the kind they make the file: video if any track is video, else audio. */
    private static MediaInfo readTracks(EbmlReader ebml, EbmlReader.Element tracks, String container)
            throws IOException {
        List<VideoTrack> video = new ArrayList<>();
        List<AudioTrack> audio = new ArrayList<>();
        List<SubtitleTrack> subtitles = new ArrayList<>();
        for (EbmlReader.Element e : ebml.children(tracks)) {
            if (e.id() != MatroskaIds.TRACK_ENTRY) {
                continue;
            }
            MatroskaTrackEntry entry = MatroskaTrackEntry.read(ebml, e);
            switch (entry.type()) {
                case MatroskaTrackEntry.TYPE_VIDEO -> video.add(MatroskaCodecs.video(entry));
                case MatroskaTrackEntry.TYPE_AUDIO -> audio.add(MatroskaCodecs.audio(entry));
                case MatroskaTrackEntry.TYPE_SUBTITLE -> subtitles.add(MatroskaCodecs.subtitle(entry));
                default -> { }
            }
        }
        if (video.isEmpty() && audio.isEmpty()) {
            throw new MediaFormatException(String.format(Locale.ROOT, 
                    "Matroska file lists no video or audio track in its Tracks element at byte %,d", tracks.offset()));
        }
        return MediaInfo.empty(video.isEmpty() ? MediaKind.AUDIO : MediaKind.VIDEO, container)
                .withTracks(video, audio, subtitles);
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

    /** The Segment's top-level elements found by walking up to the first Cluster and then through SeekHeads. */
    private static final class TopLevel {
        final EbmlReader.Element segment;
        final long end;
        final Map<Integer, EbmlReader.Element> found = new HashMap<>();
        final Map<Integer, Long> seekTargets = new HashMap<>();
        MediaFormatException scanError;
        long stoppedAt;

        TopLevel(EbmlReader.Element segment, long end) {
            this.segment = segment;
            this.end = end;
        }

        void scan(EbmlReader ebml) throws IOException {
            ArrayDeque<EbmlReader.Element> seekHeads = new ArrayDeque<>();
            long position = segment.dataOffset();
            try {
                for (int i = 0; i < MAX_TOP_LEVEL_ELEMENTS && position < end; i++) {
                    EbmlReader.Element e = ebml.header(position);
                    if (e.id() == MatroskaIds.CLUSTER) {
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
                for (int id : new int[] {MatroskaIds.SEEK_HEAD, MatroskaIds.TRACKS, MatroskaIds.INFO,
                        MatroskaIds.TAGS}) {
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
    }
}
