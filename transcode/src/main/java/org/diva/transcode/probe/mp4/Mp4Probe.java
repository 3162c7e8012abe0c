package org.diva.transcode.probe.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.ContainerProbe;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;

/**
 * Probes ISO base media files and their QuickTime ancestor: .mp4, .m4v, .m4a, .mov, .3gp.
 *
 * <p>Reads headers only: the top-level boxes are stepped over by their sizes to find the movie box wherever it is,
 * before or after the media data, and inside it only the boxes that describe the tracks are read. The bytes read are
 * capped ({@link Mp4Source#MAX_BYTES_READ}) and a 5 GB file probes with a few kilobytes of reads. Structural damage
 * (a truncated moov, a box larger than its parent, impossible counts) is a {@link MediaFormatException} naming the box
 * and byte; damage in codec configuration or tags only leaves out the facts it would have given.
 *
 * <p>Reference: ISO/IEC 14496-12 (ISO base media file format), ISO/IEC 14496-14 and -15 (MP4, AVC/HEVC in MP4),
 * Apple's QuickTime File Format Specification.
 */
public final class Mp4Probe implements ContainerProbe {

    @Override
    public MediaInfo probe(SeekableByteChannel channel) throws IOException {
        try {
            return probe(new Mp4Source(channel));
        } catch (RuntimeException bug) {
            // Every check above should turn damage into a readable message; should one be missing, a library scan
            // must still get a format error for this file rather than die.
            throw new MediaFormatException("MP4 probe failed on unexpected data: " + bug, bug);
        }
    }

    private static MediaInfo probe(Mp4Source source) throws IOException {
        Mp4BoxWalker.Movie movie = new Mp4BoxWalker(source).findMovie();
        Mp4Box moov = movie.moov();
        Set<Long> chapterTracks = chapterTrackIds(source, moov);
        Mp4TrackReader reader = new Mp4TrackReader(source);
        List<VideoTrack> video = new ArrayList<>();
        List<AudioTrack> audio = new ArrayList<>();
        List<SubtitleTrack> subtitles = new ArrayList<>();
        long longest = -1;
        for (Mp4Box trak : moov.all("trak")) {
            Optional<Mp4TrackReader.Track> read = reader.read(trak);
            if (read.isEmpty() || chapterTracks.contains(read.get().trackId())) {
                continue; // chapter titles and images are not streams a player shows
            }
            Mp4TrackReader.Track track = read.get();
            track.video().ifPresent(video::add);
            track.audio().ifPresent(audio::add);
            track.subtitle().ifPresent(subtitles::add);
            longest = Math.max(longest, track.durationMillis().orElse(-1));
        }
        if (video.isEmpty() && audio.isEmpty()) {
            throw new MediaFormatException(Mp4Fields.format(
                    "not a playable MP4: the %s describes no audio or video track", moov.describe()));
        }
        String container = isQuickTime(source, movie.ftyp()) ? "mov" : "mp4";
        MediaInfo info = MediaInfo.empty(video.isEmpty() ? MediaKind.AUDIO : MediaKind.VIDEO, container)
                .withTracks(video, audio, subtitles)
                .withTitle(new Mp4Metadata(source).title(moov).orElse(null));
        OptionalLong duration = new Mp4Duration(source, movie)
                .millis(longest >= 0 ? OptionalLong.of(longest) : OptionalLong.empty());
        if (duration.isPresent()) {
            info = info.withDuration(duration.getAsLong());
        }
        return info.withDerivedBitrate(source.size());
    }

    /** QuickTime files have no ftyp (they predate it) or name 'qt  ' as their major brand. */
    private static boolean isQuickTime(Mp4Source source, Optional<Mp4Box> ftyp) throws IOException {
        if (ftyp.isEmpty()) {
            return true;
        }
        ByteBuffer brand = source.body(ftyp.get(), 4);
        return brand.remaining() == 4 && Mp4Fields.fourcc(brand).equals("qt  ");
    }

    /** Tracks that a 'tref'/'chap' reference names hold chapter titles or images, not streams. */
    static Set<Long> chapterTrackIds(Mp4Source source, Mp4Box moov) throws IOException {
        Set<Long> ids = new HashSet<>();
        for (Mp4Box trak : moov.all("trak")) {
            Optional<Mp4Box> chap = trak.path("tref", "chap");
            if (chap.isPresent()) {
                ByteBuffer b = source.body(chap.get(), 4 * 64);
                while (b.remaining() >= 4) {
                    ids.add(Mp4Fields.u32(b));
                }
            }
        }
        return ids;
    }
}
