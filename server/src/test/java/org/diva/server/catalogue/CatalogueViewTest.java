package org.diva.server.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.diva.transcode.probe.AudioTags;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.PhotoInfo;
import org.diva.transcode.probe.Probed;
import org.diva.upnp.library.Criteria;
import org.diva.upnp.library.Facet;
import org.diva.upnp.library.FolderScope;
import org.diva.upnp.library.ItemFilter;
import org.diva.upnp.library.ItemQuery;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.library.SearchOperator;
import org.diva.upnp.library.SearchProperty;
import org.diva.upnp.library.SortField;
import org.diva.upnp.library.SortKey;
import org.diva.upnp.library.ValueCount;
import org.diva.upnp.library.ValueQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL view against the semantics LibraryView documents, over a real H2 catalogue. */
class CatalogueViewTest {
    private static final Path MUSIC = Path.of("/srv/music");
    private static final Path PICTURES = Path.of("/srv/pictures");
    private static final Path VIDEOS = Path.of("/srv/videos");
    private static final org.diva.upnp.library.MediaKind V_AUDIO = org.diva.upnp.library.MediaKind.AUDIO;
    private static final org.diva.upnp.library.MediaKind V_VIDEO = org.diva.upnp.library.MediaKind.VIDEO;
    private static final org.diva.upnp.library.MediaKind V_PHOTO = org.diva.upnp.library.MediaKind.PHOTO;

    @TempDir
    Path data;
    private Database db;
    private CatalogueView view;
    private final List<ProbeOutcome> outcomes = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeEach
    void fill() throws Exception {
        db = Database.open(data);
        track("Blue in Green", "Miles Davis", "Kind of Blue", 3, 1, "Jazz");
        track("So What", "Miles Davis", "Kind of Blue", 1, 1, "Jazz");
        track("Disc Two Opener", "Miles Davis", "Kind of Blue", 1, 2, "Jazz");
        track("100% Pure", "ABBA", "Gold", 1, 1, "Pop");
        track("untagged", null, null, 0, 0, null);
        photo("beach", LocalDateTime.of(2025, 6, 3, 10, 0));
        photo("hills", LocalDateTime.of(2025, 6, 20, 10, 0));
        photo("scan", null);
        video("Films", "Alien");
        video("Films/Drama", "Heat");
        video("Series/S01", "Pilot");
        video("", "Home movie");
        outcomes.add(ProbeOutcome.failed(new FileFacts(VIDEOS, VIDEOS.resolve("broken.mp4"), "", MediaKind.VIDEO, 1, 1,
                ""), "damaged"));
        Catalogue catalogue = new Catalogue(db.dataSource(), Clock.fixed(now, ZoneOffset.UTC));
        for (ProbeOutcome outcome : outcomes) {
            catalogue = new Catalogue(db.dataSource(), Clock.fixed(now, ZoneOffset.UTC));
            catalogue.record(List.of(outcome)); // one by one, a second apart: "recently added" has an order
            now = now.plusSeconds(1);
        }
        view = new CatalogueView(db.dataSource(), catalogue, List.of(MUSIC, PICTURES, VIDEOS));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private void track(String title, String artist, String album, int track, int disc, String genre) {
        AudioTags tags = new AudioTags(Optional.of(title), Optional.ofNullable(artist), Optional.empty(),
                Optional.ofNullable(album), track > 0 ? OptionalInt.of(track) : OptionalInt.empty(),
                disc > 0 ? OptionalInt.of(disc) : OptionalInt.empty(), OptionalInt.of(1959),
                Optional.ofNullable(genre), false);
        add(MUSIC, "", title + ".mp3", MediaKind.AUDIO,
                MediaInfo.empty(MediaKind.AUDIO, "mp3").withTags(tags).withTitle(title));
    }

    private void photo(String name, LocalDateTime taken) {
        add(PICTURES, "", name + ".jpg", MediaKind.PHOTO, MediaInfo.empty(MediaKind.PHOTO, "jpeg").withPhoto(
                new PhotoInfo(4000, 3000, 1, Optional.ofNullable(taken), Optional.empty(), Optional.empty())));
    }

    private void video(String folder, String name) {
        add(VIDEOS, folder, name + ".mp4", MediaKind.VIDEO, MediaInfo.empty(MediaKind.VIDEO, "mp4"));
    }

    private void add(Path root, String folder, String name, MediaKind kind, MediaInfo info) {
        Path dir = folder.isEmpty() ? root : root.resolve(folder);
        outcomes.add(ProbeOutcome.ok(new FileFacts(root, dir.resolve(name), folder, kind, 1000, 0, ""),
                Probed.of(info)));
    }

    private List<String> titles(ItemQuery query) {
        return view.items(query).items().stream().map(MediaItem::title).toList();
    }

    private static ItemQuery query(ItemFilter filter, SortKey... sort) {
        return new ItemQuery(filter, Optional.empty(), List.of(sort), 0, 100);
    }

    @Test
    void tracks_sort_by_disc_then_track_and_pages_count_the_whole_result() {
        ItemFilter album = ItemFilter.of(V_AUDIO).withAlbum("Kind of Blue");
        assertEquals(List.of("So What", "Blue in Green", "Disc Two Opener"),
                titles(query(album, SortKey.ascending(SortField.TRACK_NUMBER))));
        var page = view.items(new ItemQuery(ItemFilter.of(V_AUDIO), Optional.empty(),
                List.of(SortKey.ascending(SortField.TITLE)), 1, 2));
        assertEquals(5, page.total());
        assertEquals(List.of("Blue in Green", "Disc Two Opener"), page.items().stream().map(MediaItem::title).toList());
        assertEquals(5, view.items(ItemQuery.count(ItemFilter.of(V_AUDIO))).total());
    }

    @Test
    void facets_group_with_counts_and_the_untagged_group_is_the_empty_string() {
        var artists = view.values(new ValueQuery(Facet.ARTIST, ItemFilter.of(V_AUDIO),
                false, 0, 100));
        assertEquals(List.of(new ValueCount("", 1), new ValueCount("ABBA", 1), new ValueCount("Miles Davis", 3)),
                artists.items());
        var descending = view.values(new ValueQuery(Facet.ARTIST,
                ItemFilter.of(V_AUDIO), true, 0, 1));
        assertEquals(3, descending.total());
        assertEquals(List.of(new ValueCount("Miles Davis", 3)), descending.items());
        assertEquals(List.of(new ValueCount("", 1)), view.values(new ValueQuery(Facet.ARTIST,
                ItemFilter.of(V_AUDIO).withArtist(""), false, 0, 10)).items(),
                "'' selects the untagged");
        var months = view.values(new ValueQuery(Facet.PHOTO_MONTH,
                ItemFilter.of(V_PHOTO), false, 0, 10));
        assertEquals(List.of(new ValueCount("", 1), new ValueCount("2025-06", 2)), months.items());
        assertEquals(List.of("beach", "hills"), titles(query(ItemFilter.all().withPhotoMonth("2025-06"),
                SortKey.ascending(SortField.DATE))));
    }

    @Test
    void folders_list_their_subfolders_and_scopes_are_recursive_or_not() {
        String key = CatalogueView.key(VIDEOS);
        var top = view.values(new ValueQuery(Facet.SUBFOLDER,
                ItemFilter.all().withFolder(new FolderScope(key, "", false)), false, 0, 10));
        assertEquals(List.of(new ValueCount("Films", 2), new ValueCount("Series", 1)), top.items());
        var films = view.values(new ValueQuery(Facet.SUBFOLDER,
                ItemFilter.all().withFolder(new FolderScope(key, "Films", false)), false, 0, 10));
        assertEquals(List.of(new ValueCount("Drama", 1)), films.items());
        assertEquals(List.of("Alien"), titles(query(ItemFilter.all().withFolder(new FolderScope(key, "Films", false)))));
        assertEquals(List.of("Alien", "Heat"), titles(query(ItemFilter.all().withFolder(
                new FolderScope(key, "Films", true)), SortKey.ascending(SortField.TITLE))));
        assertEquals(List.of("Home movie"), titles(query(ItemFilter.all().withFolder(new FolderScope(key, "", false)))));
        assertEquals(4, view.items(ItemQuery.count(ItemFilter.all().withFolder(new FolderScope(key, "", true))))
                .total(), "the broken file is not in the view");
        assertEquals(0, view.items(ItemQuery.count(ItemFilter.all().withFolder(new FolderScope("nope", "", true))))
                .total());
    }

    @Test
    void criteria_become_sql_with_literal_wildcards_and_case_insensitive_matching() {
        Criteria pure = new Criteria.Compare(SearchProperty.TITLE, SearchOperator.CONTAINS, "100%");
        assertEquals(List.of("100% Pure"), titles(new ItemQuery(ItemFilter.all(), Optional.of(pure), List.of(), 0, 10)));
        Criteria percentOnly = new Criteria.Compare(SearchProperty.TITLE, SearchOperator.CONTAINS, "%");
        assertEquals(1, view.items(new ItemQuery(ItemFilter.all(), Optional.of(percentOnly), List.of(), 0, 0))
                .total());
        Criteria music = new Criteria.Compare(SearchProperty.CLASS, SearchOperator.DERIVED_FROM,
                "object.item.audioItem");
        Criteria either = new Criteria.Or(List.of(
                new Criteria.Compare(SearchProperty.ARTIST, SearchOperator.EQUALS, "abba"),
                new Criteria.Compare(SearchProperty.GENRE, SearchOperator.EXISTS, "false")));
        assertEquals(List.of("100% Pure", "untagged"), titles(new ItemQuery(ItemFilter.all(),
                Optional.of(new Criteria.And(List.of(music, either))), List.of(SortKey.ascending(SortField.TITLE)),
                0, 10)));
        Criteria notMiles = new Criteria.Compare(SearchProperty.ARTIST, SearchOperator.DOES_NOT_CONTAIN, "miles");
        assertEquals(List.of("100% Pure"), titles(new ItemQuery(ItemFilter.all(), Optional.of(notMiles), List.of(),
                0, 10)), "an item without the property does not match");
        assertEquals(0, view.items(new ItemQuery(ItemFilter.all(), Optional.of(new Criteria.Or(List.of())),
                List.of(), 0, 10)).total(), "an empty Or is false");
    }

    @Test
    void recently_added_keeps_the_newest_and_items_carry_their_facts() {
        assertEquals(List.of("Home movie", "Pilot"), titles(query(
                ItemFilter.of(V_VIDEO).withLatest(2),
                SortKey.descending(SortField.ADDED))));
        MediaItem first = view.items(query(ItemFilter.all().withArtist("ABBA"))).items().get(0);
        assertEquals(first, view.item(first.id()).orElseThrow());
        assertEquals("audio/mpeg", first.file().mimeType());
        assertEquals("music", first.file().root().name());
        assertEquals(OptionalInt.of(1959), first.tags().year());
        long broken = view.items(ItemQuery.count(ItemFilter.all())).total();
        assertEquals(12, broken, "only playable items");
        assertTrue(view.updateId() > 1);
        assertEquals(3, view.roots().size());
    }

    @Test
    void a_kept_listing_is_dropped_when_the_library_changes() throws Exception {
        ItemQuery videos = query(ItemFilter.of(V_VIDEO), SortKey.ascending(SortField.TITLE));
        assertEquals(List.of("Alien", "Heat", "Home movie", "Pilot"), titles(videos));
        outcomes.clear();
        video("Films", "Brazil");
        Catalogue catalogue = new Catalogue(db.dataSource(), Clock.fixed(now, ZoneOffset.UTC));
        catalogue.record(outcomes);
        assertEquals(List.of("Alien", "Brazil", "Heat", "Home movie", "Pilot"), titles(videos));
        long alien = view.items(videos).items().get(0).id();
        catalogue.delete(List.of(alien));
        assertEquals(List.of("Brazil", "Heat", "Home movie", "Pilot"), titles(videos));
        assertEquals(4, view.items(videos).total());
    }
}
