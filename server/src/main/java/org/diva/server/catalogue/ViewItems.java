package org.diva.server.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.diva.transcode.probe.AudioTags;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaTypes;
import org.diva.transcode.probe.PhotoInfo;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;
import org.diva.transcode.subtitle.SubtitleExtractor;
import org.diva.upnp.dlna.DlnaFormat;
import org.diva.upnp.dlna.DlnaProfiles;
import org.diva.upnp.library.AudioStream;
import org.diva.upnp.library.EmbeddedSubtitle;
import org.diva.upnp.library.ItemFile;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.library.MediaKind;
import org.diva.upnp.library.MediaRoot;
import org.diva.upnp.library.MusicTags;
import org.diva.upnp.library.PhotoFacts;
import org.diva.upnp.library.SubtitleFile;
import org.diva.upnp.library.VideoStream;

/** A catalogue row as the UPnP face sees it: the probe's facts translated into its own vocabulary. */
public final class ViewItems {
    /** Where an item lies plays no part in its format. */
    private static final MediaRoot ANY_ROOT = new MediaRoot("-", "-");

    private ViewItems() {
    }

    /** How DLNA clients are told of the item's file: its MIME type and {@code contentFeatures.dlna.org}. */
    public static DlnaFormat dlnaFormat(CatalogueItem item) {
        return DlnaProfiles.formatOf(of(item, ANY_ROOT));
    }

    public static MediaItem of(CatalogueItem item, MediaRoot root) {
        Optional<MediaInfo> info = item.info();
        String container = info.map(MediaInfo::container).orElse("");
        ItemFile file = new ItemFile(root, item.folder(), item.fileName(), item.size(),
                Instant.ofEpochMilli(item.modified()), MediaTypes.of(container, item.kind()), container);
        return new MediaItem(item.id(), MediaKind.valueOf(item.kind().name()), item.title(), file, item.added(),
                item.version(),
                info.map(MediaInfo::durationMillis).orElse(java.util.OptionalLong.empty()),
                info.map(MediaInfo::bitrate).orElse(java.util.OptionalLong.empty()),
                info.flatMap(i -> i.video().stream().findFirst()).map(ViewItems::video),
                info.flatMap(i -> i.audio().stream().findFirst()).map(ViewItems::audio),
                info.map(i -> i.subtitles().stream().filter(s -> s.external().isEmpty())
                        .map(s -> new EmbeddedSubtitle(s.format(), s.language(),
                                SubtitleExtractor.isText(s.format()))).toList()).orElse(List.of()),
                subtitleFiles(item), tags(info.flatMap(MediaInfo::tags)), item.hasArtwork(),
                info.flatMap(MediaInfo::photo).map(ViewItems::photo));
    }

    private static VideoStream video(VideoTrack track) {
        return new VideoStream(track.codec(), track.profile(), track.level(), Math.max(0, track.width()),
                Math.max(0, track.height()), track.frameRate());
    }

    private static AudioStream audio(AudioTrack track) {
        return new AudioStream(track.codec(), track.profile(), positive(track.channels()),
                positive(track.sampleRate()), track.language());
    }

    private static List<SubtitleFile> subtitleFiles(CatalogueItem item) {
        List<SubtitleFile> files = new ArrayList<>();
        List<SubtitleTrack> external = item.externalSubtitles();
        for (int i = 0; i < external.size(); i++) {
            files.add(new SubtitleFile(i, external.get(i).format(), external.get(i).language()));
        }
        return files;
    }

    private static MusicTags tags(Optional<AudioTags> tags) {
        if (tags.isEmpty()) {
            return MusicTags.none();
        }
        AudioTags t = tags.get();
        return new MusicTags(t.artist().or(t::albumArtist), t.album(), t.albumArtist(), t.track(), t.year(),
                t.genre());
    }

    private static PhotoFacts photo(PhotoInfo photo) {
        int orientation = photo.orientation() >= 1 && photo.orientation() <= 8 ? photo.orientation() : 1;
        return new PhotoFacts(photo.dateTaken(), Math.max(0, photo.width()), Math.max(0, photo.height()),
                orientation);
    }

    private static OptionalInt positive(OptionalInt value) {
        return value.isPresent() && value.getAsInt() > 0 ? value : OptionalInt.empty();
    }
}
