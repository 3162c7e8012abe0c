package org.diva.transcode.probe.matroska;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
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
        MatroskaSegment top = MatroskaSegment.read(ebml);
        String container = top.docType();
        long segmentEnd = top.end();
        EbmlReader.Element tracks = top.tracks();
        MediaInfo info = readTracks(ebml, tracks, container);
        MatroskaInfo segmentInfo = MatroskaInfo.readLeniently(ebml,
                top.element(MatroskaIds.INFO).orElse(null), segmentEnd);
        Optional<String> title = segmentInfo.title();
        if (title.isEmpty()) {
            title = MatroskaInfo.titleFromTags(ebml, top.element(MatroskaIds.TAGS).orElse(null), segmentEnd);
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
}
