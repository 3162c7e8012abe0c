package org.diva.upnp.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link LibraryView} must answer for one small library. The in-memory fake runs it here; the
 * server's SQL view runs the same class (upnp's test jar) after storing these items in H2, so both mean the same.
 */
public abstract class LibraryViewContract {
    protected static final MediaRoot MEDIA = new MediaRoot("r1", "Media");
    protected static final MediaRoot OTHER = new MediaRoot("r2", "Other");

    private LibraryView view;

    /** A view holding exactly these roots and items. */
    protected abstract LibraryView viewOf(List<MediaRoot> roots, List<MediaItem> items);

    /** The library every test reads; ids say what each item is for. */
    public static List<MediaItem> library() {
        List<MediaItem> items = new ArrayList<>();
        items.add(ItemBuilder.video(1, "alpha").in(MEDIA, "Films").added("2024-01-01T00:00:00Z").build());
        items.add(ItemBuilder.video(2, "Beta").in(MEDIA, "Films/Action").added("2024-03-01T00:00:00Z").build());
        items.add(ItemBuilder.video(3, "gamma").in(MEDIA, "Films/Action/Old").added("2024-02-01T00:00:00Z").build());
        items.add(ItemBuilder.video(4, "Alpha").in(MEDIA, "").added("2024-03-01T00:00:00Z").build());
        items.add(ItemBuilder.video(5, "100% a_b").in(OTHER, "TV").added("2023-12-01T00:00:00Z").build());
        items.add(ItemBuilder.track(11, "Song B").in(MEDIA, "Music/ABBA").artist("ABBA").album("Gold").track(2)
                .genre("Pop").year(1992).build());
        items.add(ItemBuilder.track(12, "Song A").in(MEDIA, "Music/ABBA").artist("ABBA").album("Gold").track(1)
                .genre("Pop").year(1992).build());
        items.add(ItemBuilder.track(13, "Song C").in(MEDIA, "Music/abba").artist("abba").album("Gold").genre("pop")
                .build());
        items.add(ItemBuilder.track(14, "Untagged").in(MEDIA, "Music").build());
        items.add(ItemBuilder.track(15, "Zed").in(MEDIA, "Music/Zed").artist("Zed").album("Z").track(10).build());
        items.add(ItemBuilder.photo(21, "Beach").in(MEDIA, "Photos/2024").taken("2024-07-14T10:00:00", 4000, 3000, 1)
                .build());
        items.add(ItemBuilder.photo(22, "Hill").in(MEDIA, "Photos/2024").taken("2024-07-02T09:00:00", 4000, 3000, 6)
                .build());
        items.add(ItemBuilder.photo(23, "Scan").in(MEDIA, "Photos").taken(null, 800, 600, 1).build());
        items.add(ItemBuilder.photo(24, "Snow").in(OTHER, "").taken("2023-01-05T12:00:00", 800, 600, 1).build());
        return items;
    }

    @BeforeEach
    void createView() {
        view = viewOf(List.of(MEDIA, OTHER), library());
    }

    private List<Long> ids(ItemFilter filter, Optional<Criteria> criteria, List<SortKey> sort) {
        return view.items(new ItemQuery(filter, criteria, sort, 0, ItemQuery.MAX_LIMIT)).items().stream()
                .map(MediaItem::id).toList();
    }

    private List<Long> ids(ItemFilter filter, SortKey... sort) {
        return ids(filter, Optional.empty(), List.of(sort));
    }

    @Test
    void findsItemsById() {
        assertEquals("gamma", view.item(3).orElseThrow().title());
        assertTrue(view.item(999).isEmpty());
    }

    @Test
    void listsRootsInConfiguredOrder() {
        assertEquals(List.of(MEDIA, OTHER), view.roots());
    }

    @Test
    void pagesAndCountsItems() {
        Page<MediaItem> page = view.items(new ItemQuery(ItemFilter.of(MediaKind.VIDEO), Optional.empty(),
                List.of(SortKey.ascending(SortField.TITLE)), 1, 2));
        assertEquals(5, page.total());
        assertEquals(List.of(1L, 4L), page.items().stream().map(MediaItem::id).toList());
        assertEquals(5, view.items(ItemQuery.count(ItemFilter.of(MediaKind.VIDEO))).total());
        assertEquals(List.of(), view.items(ItemQuery.count(ItemFilter.of(MediaKind.VIDEO))).items());
        Page<MediaItem> beyond = view.items(new ItemQuery(ItemFilter.of(MediaKind.VIDEO), Optional.empty(),
                List.of(), 10, 5));
        assertEquals(0, beyond.items().size());
        assertEquals(5, beyond.total());
    }

    @Test
    void sortsTitlesIgnoringCaseThenById() {
        assertEquals(List.of(5L, 1L, 4L, 2L, 3L),
                ids(ItemFilter.of(MediaKind.VIDEO), SortKey.ascending(SortField.TITLE)));
        assertEquals(List.of(3L, 2L, 1L, 4L, 5L),
                ids(ItemFilter.of(MediaKind.VIDEO), SortKey.descending(SortField.TITLE)));
    }

    @Test
    void putsAbsentValuesLastInBothDirections() {
        ItemFilter music = ItemFilter.of(MediaKind.AUDIO);
        assertEquals(List.of(12L, 11L, 15L, 13L, 14L), ids(music, SortKey.ascending(SortField.TRACK_NUMBER)));
        assertEquals(List.of(15L, 11L, 12L, 13L, 14L), ids(music, SortKey.descending(SortField.TRACK_NUMBER)));
        assertEquals(List.of(11L, 12L, 13L, 15L, 14L), ids(music, SortKey.ascending(SortField.ALBUM)));
    }

    @Test
    void sortsByAlbumThenTrack() {
        assertEquals(List.of(12L, 11L, 13L, 15L, 14L), ids(ItemFilter.of(MediaKind.AUDIO),
                SortKey.ascending(SortField.ALBUM), SortKey.ascending(SortField.TRACK_NUMBER)));
    }

    @Test
    void sortsByDateTakenYearOrModified() {
        // 24: 2023-01-05, 22: 2024-07-02, 21: 2024-07-14, 23: modified 2024-01-01 (no date taken)
        assertEquals(List.of(24L, 23L, 22L, 21L), ids(ItemFilter.of(MediaKind.PHOTO),
                SortKey.ascending(SortField.DATE)));
        // 11, 12: year 1992; 13, 14, 15: modified 2024-01-01
        assertEquals(List.of(11L, 12L, 13L, 14L, 15L), ids(ItemFilter.of(MediaKind.AUDIO),
                SortKey.ascending(SortField.DATE)));
    }

    @Test
    void sortsByAddedNewestFirst() {
        assertEquals(List.of(2L, 4L, 3L, 1L, 5L), ids(ItemFilter.of(MediaKind.VIDEO),
                SortKey.descending(SortField.ADDED)));
    }

    @Test
    void filtersByFolderDirectlyOrRecursively() {
        assertEquals(List.of(1L), ids(ItemFilter.all().withFolder(new FolderScope("r1", "Films", false))));
        assertEquals(List.of(1L, 2L, 3L), ids(ItemFilter.all().withFolder(new FolderScope("r1", "Films", true))));
        assertEquals(List.of(4L), ids(ItemFilter.all().withFolder(new FolderScope("r1", "", false))));
        assertEquals(List.of(5L, 24L), ids(ItemFilter.all().withFolder(new FolderScope("r2", "", true))));
        // "Films/Action" must not match a sibling that merely starts with the same letters
        assertEquals(List.of(2L, 3L), ids(ItemFilter.all().withFolder(new FolderScope("r1", "Films/Action", true))));
        assertEquals(List.of(), ids(ItemFilter.all().withFolder(new FolderScope("r1", "Film", true))));
    }

    @Test
    void filtersByExactTagsWithEmptyMeaningUntagged() {
        assertEquals(List.of(11L, 12L), ids(ItemFilter.of(MediaKind.AUDIO).withArtist("ABBA")));
        assertEquals(List.of(13L), ids(ItemFilter.of(MediaKind.AUDIO).withArtist("abba")));
        assertEquals(List.of(14L), ids(ItemFilter.of(MediaKind.AUDIO).withArtist("")));
        assertEquals(List.of(11L, 12L), ids(ItemFilter.all().withArtist("ABBA").withAlbum("Gold")));
        assertEquals(List.of(14L, 15L), ids(ItemFilter.of(MediaKind.AUDIO).withGenre("")));
        assertEquals(List.of(21L, 22L), ids(ItemFilter.all().withPhotoMonth("2024-07")));
        assertEquals(List.of(23L), ids(ItemFilter.of(MediaKind.PHOTO).withPhotoMonth("")));
    }

    @Test
    void latestKeepsTheNewestThenSortsThem() {
        // newest videos: 2 and 4 (both 2024-03-01, higher id first), then 3
        assertEquals(List.of(2L, 4L, 3L), ids(ItemFilter.of(MediaKind.VIDEO).withLatest(3),
                SortKey.descending(SortField.ADDED)));
        assertEquals(3, view.items(ItemQuery.count(
                ItemFilter.of(MediaKind.VIDEO).withLatest(3))).total());
        assertEquals(List.of(4L, 2L), ids(ItemFilter.of(MediaKind.VIDEO).withLatest(2),
                SortKey.ascending(SortField.TITLE)));
        assertEquals(5, view.items(ItemQuery.count(ItemFilter.of(MediaKind.VIDEO).withLatest(50))).total());
        Criteria gamma = new Criteria.Compare(SearchProperty.TITLE, SearchOperator.EQUALS, "gamma");
        assertEquals(List.of(3L), ids(ItemFilter.of(MediaKind.VIDEO).withLatest(3), Optional.of(gamma), List.of()));
        assertEquals(List.of(), ids(ItemFilter.of(MediaKind.VIDEO).withLatest(2), Optional.of(gamma), List.of()));
    }

    @Test
    void countsDistinctValuesInOrder() {
        Page<ValueCount> artists = view.values(new ValueQuery(Facet.ARTIST, ItemFilter.of(MediaKind.AUDIO), false,
                0, 10));
        assertEquals(List.of(new ValueCount("", 1), new ValueCount("ABBA", 2), new ValueCount("abba", 1),
                new ValueCount("Zed", 1)), artists.items());
        assertEquals(4, artists.total());
        Page<ValueCount> reversed = view.values(new ValueQuery(Facet.ARTIST, ItemFilter.of(MediaKind.AUDIO), true,
                1, 2));
        assertEquals(List.of(new ValueCount("abba", 1), new ValueCount("ABBA", 2)), reversed.items());
        assertEquals(4, reversed.total());
        assertEquals(1, view.values(ValueQuery.count(Facet.ALBUM, ItemFilter.all().withArtist("ABBA")
                .withKind(MediaKind.AUDIO))).total());
        assertEquals(List.of(new ValueCount("", 1), new ValueCount("2023-01", 1), new ValueCount("2024-07", 2)),
                view.values(new ValueQuery(Facet.PHOTO_MONTH, ItemFilter.of(MediaKind.PHOTO), false, 0, 10))
                        .items());
        assertEquals(List.of(new ValueCount("", 2), new ValueCount("Pop", 2), new ValueCount("pop", 1)),
                view.values(new ValueQuery(Facet.GENRE, ItemFilter.of(MediaKind.AUDIO), false, 0, 10)).items());
    }

    @Test
    void listsSubfoldersWithCountsOfEverythingBelow() {
        ItemFilter top = ItemFilter.all().withFolder(new FolderScope("r1", "", false));
        assertEquals(List.of(new ValueCount("Films", 3), new ValueCount("Music", 5), new ValueCount("Photos", 3)),
                view.values(new ValueQuery(Facet.SUBFOLDER, top, false, 0, 10)).items());
        ItemFilter films = ItemFilter.all().withFolder(new FolderScope("r1", "Films", true));
        assertEquals(List.of(new ValueCount("Action", 2)),
                view.values(new ValueQuery(Facet.SUBFOLDER, films, false, 0, 10)).items());
        ItemFilter videosAtTop = ItemFilter.of(MediaKind.VIDEO).withFolder(new FolderScope("r1", "", false));
        assertEquals(List.of(new ValueCount("Films", 3)),
                view.values(new ValueQuery(Facet.SUBFOLDER, videosAtTop, false, 0, 10)).items());
        ItemFilter music = ItemFilter.all().withFolder(new FolderScope("r1", "Music", false));
        Page<ValueCount> page = view.values(new ValueQuery(Facet.SUBFOLDER, music, false, 1, 1));
        assertEquals(List.of(new ValueCount("abba", 1)), page.items());
        assertEquals(3, page.total());
        ItemFilter leaf = ItemFilter.all().withFolder(new FolderScope("r1", "Films/Action/Old", false));
        assertEquals(0, view.values(ValueQuery.count(Facet.SUBFOLDER, leaf)).total());
    }

    static Stream<Arguments> criteria() {
        return Stream.of(
                Arguments.of(compare(SearchProperty.TITLE, SearchOperator.EQUALS, "ALPHA"), List.of(1L, 4L)),
                Arguments.of(compare(SearchProperty.TITLE, SearchOperator.CONTAINS, "song"), List.of(11L, 12L, 13L)),
                Arguments.of(compare(SearchProperty.TITLE, SearchOperator.STARTS_WITH, "s"),
                        List.of(11L, 12L, 13L, 23L, 24L)),
                Arguments.of(compare(SearchProperty.TITLE, SearchOperator.CONTAINS, "0% a_"), List.of(5L)),
                Arguments.of(compare(SearchProperty.TITLE, SearchOperator.CONTAINS, "a%b"), List.of()),
                Arguments.of(compare(SearchProperty.TITLE, SearchOperator.CONTAINS, "a_b"), List.of(5L)),
                Arguments.of(compare(SearchProperty.TITLE, SearchOperator.CONTAINS, "aXb"), List.of()),
                Arguments.of(compare(SearchProperty.ARTIST, SearchOperator.EQUALS, "abba"), List.of(11L, 12L, 13L)),
                Arguments.of(compare(SearchProperty.ARTIST, SearchOperator.NOT_EQUALS, "abba"), List.of(15L)),
                Arguments.of(compare(SearchProperty.ALBUM, SearchOperator.DOES_NOT_CONTAIN, "o"), List.of(15L)),
                Arguments.of(compare(SearchProperty.GENRE, SearchOperator.EXISTS, "true"), List.of(11L, 12L, 13L)),
                Arguments.of(new Criteria.And(List.of(compare(SearchProperty.CLASS, SearchOperator.EQUALS,
                        ItemClasses.MUSIC_TRACK), compare(SearchProperty.GENRE, SearchOperator.EXISTS, "false"))),
                        List.of(14L, 15L)),
                Arguments.of(compare(SearchProperty.CLASS, SearchOperator.DERIVED_FROM, "object.item.imageItem"),
                        List.of(21L, 22L, 23L, 24L)),
                Arguments.of(compare(SearchProperty.CLASS, SearchOperator.DERIVED_FROM, "object.container"), List.of()),
                Arguments.of(new Criteria.And(List.of(
                        compare(SearchProperty.CLASS, SearchOperator.DERIVED_FROM, "object.item.audioItem"),
                        new Criteria.Or(List.of(compare(SearchProperty.ALBUM, SearchOperator.EQUALS, "z"),
                                compare(SearchProperty.TITLE, SearchOperator.CONTAINS, "untag"))))),
                        List.of(14L, 15L)),
                Arguments.of(new Criteria.And(List.of(new Criteria.Or(List.of()),
                        compare(SearchProperty.TITLE, SearchOperator.EXISTS, "true"))), List.of()),
                Arguments.of(new Criteria.Or(List.of(new Criteria.And(List.of()),
                        compare(SearchProperty.TITLE, SearchOperator.EXISTS, "false"))),
                        List.of(1L, 2L, 3L, 4L, 5L, 11L, 12L, 13L, 14L, 15L, 21L, 22L, 23L, 24L)),
                Arguments.of(compare(SearchProperty.CLASS, SearchOperator.EXISTS, "true"),
                        List.of(1L, 2L, 3L, 4L, 5L, 11L, 12L, 13L, 14L, 15L, 21L, 22L, 23L, 24L)));
    }

    private static Criteria compare(SearchProperty property, SearchOperator operator, String value) {
        return new Criteria.Compare(property, operator, value);
    }

    @ParameterizedTest
    @MethodSource("criteria")
    void evaluatesCriteria(Criteria criteria, List<Long> expected) {
        assertEquals(expected, ids(ItemFilter.all(), Optional.of(criteria), List.of()));
    }

    @Test
    void emptyAndIsTrue() {
        assertEquals(5, view.items(new ItemQuery(ItemFilter.of(MediaKind.VIDEO),
                Optional.of(new Criteria.And(List.of())), List.of(), 0, 0)).total());
    }
}
