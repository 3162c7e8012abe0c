package org.diva.upnp.directory;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.diva.upnp.library.AudioStream;
import org.diva.upnp.library.FakeLibraryView;
import org.diva.upnp.library.ItemBuilder;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.library.MediaRoot;
import org.diva.upnp.library.VideoStream;

/**
 * A small household library that reaches every container of the tree: two media roots, films in nested folders,
 * tagged and untagged music (an artist with a '/' in the name), dated and undated photos, and titles that need
 * escaping.
 */
final class Household {
    static final MediaRoot MEDIA = new MediaRoot("r1", "Media");
    static final MediaRoot OTHER = new MediaRoot("r2", "Other disk");

    private Household() {
    }

    static FakeLibraryView view() {
        return new FakeLibraryView(List.of(MEDIA, OTHER), items());
    }

    static List<MediaItem> items() {
        return List.of(
                ItemBuilder.video(1, "Alien").in(MEDIA, "Films/Sci-Fi")
                        .file("Alien (1979).mp4", "video/mp4", "mp4").size(7_340_032_000L)
                        .modified("2023-11-02T20:15:00Z").added("2024-01-10T08:00:00Z").version(3)
                        .duration(7_020_500).bitrate(8_000_000)
                        .video(new VideoStream("h264", Optional.of("High"), Optional.of("4.1"), 1920, 1080,
                                OptionalDouble.of(23.976)))
                        .audio(new AudioStream("aac", Optional.of("LC"), OptionalInt.of(6),
                                OptionalInt.of(48000), Optional.of("eng")))
                        .subtitle("mov_text", "eng").subtitleFile("srt", "en").subtitleFile("ass", "fr")
                        .subtitleFile("sub", null).coverArt().build(),
                ItemBuilder.video(2, "Tom & Jerry <Best of>").in(MEDIA, "Films/Cartoons")
                        .file("tom.mkv", "video/x-matroska", "matroska").added("2024-03-01T00:00:00Z")
                        .duration(3_600_000).video(VideoStream.of("h264", 1280, 720))
                        .audio(AudioStream.of("aac", 2, 48000)).build(),
                ItemBuilder.video(3, "Amélie").in(MEDIA, "Films").file("00001.m2ts", "video/mp2t", "m2ts")
                        .added("2024-02-01T00:00:00Z")
                        .video(new VideoStream("h264", Optional.of("High"), Optional.empty(), 1920, 1080,
                                OptionalDouble.of(25)))
                        .audio(AudioStream.of("ac3", 2, 48000)).build(),
                ItemBuilder.video(4, "Home movie").in(OTHER, "").file("home.mpg", "video/mpeg", "mpegps")
                        .added("2023-05-01T00:00:00Z")
                        .video(new VideoStream("mpeg2video", Optional.of("Main"), Optional.empty(), 720, 576,
                                OptionalDouble.of(25)))
                        .audio(AudioStream.of("mp2", 2, 48000)).build(),
                ItemBuilder.track(11, "Dancing Queen").in(MEDIA, "Music/ABBA/Gold").artist("ABBA").album("Gold")
                        .albumArtist("ABBA").track(1).year(1992).genre("Pop").coverArt().duration(230_400)
                        .bitrate(320_000).audio(AudioStream.of("mp3", 2, 44100)).size(9_216_000).build(),
                ItemBuilder.track(12, "Waterloo").in(MEDIA, "Music/ABBA/Gold").artist("ABBA").album("Gold").track(2)
                        .year(1992).genre("Pop").audio(AudioStream.of("mp3", 2, 44100)).build(),
                ItemBuilder.track(13, "SOS").in(MEDIA, "Music/ABBA").artist("ABBA").genre("Pop")
                        .audio(AudioStream.of("mp3", 2, 44100)).build(),
                ItemBuilder.track(14, "Untitled").in(MEDIA, "Music/Misc").audio(AudioStream.of("mp3", 2, 44100))
                        .build(),
                ItemBuilder.track(15, "Song \"quoted\" & 'apostrophe'").in(MEDIA, "Music/AC-DC").artist("AC/DC")
                        .album("Back in Black").track(3).genre("Rock")
                        .file("song.m4a", "audio/mp4", "mp4")
                        .audio(new AudioStream("aac", Optional.of("LC"), OptionalInt.of(2),
                                OptionalInt.of(44100), Optional.empty()))
                        .bitrate(256_000).build(),
                ItemBuilder.photo(21, "Beach").in(MEDIA, "Photos/2024/Summer")
                        .taken("2024-07-14T10:00:00", 4000, 3000, 1).build(),
                ItemBuilder.photo(22, "Hill").in(MEDIA, "Photos/2024/Summer")
                        .taken("2024-07-02T09:30:00", 3000, 4000, 6).build(),
                ItemBuilder.photo(23, "Scan").in(MEDIA, "Photos").file("scan.png", "image/png", "png")
                        .taken(null, 800, 600, 1).build(),
                ItemBuilder.photo(24, "Snow").in(OTHER, "Pictures").taken("2023-01-05T12:00:00", 640, 480, 1)
                        .build());
    }
}
