package org.diva.upnp.directory;

import java.util.List;
import org.diva.upnp.library.Facet;
import org.diva.upnp.library.FolderScope;
import org.diva.upnp.library.ItemFilter;
import org.diva.upnp.library.MediaKind;
import org.diva.upnp.library.MediaRoot;
import org.diva.upnp.library.SortField;
import org.diva.upnp.library.SortKey;

/**
 * The tree a person wants on a TV, container by container: its ids, titles, UPnP classes, what each lists and in
 * which order by default.
 * <pre>
 * 0 ─┬─ video ──┬─ video/all            All videos, by title
 *    │          ├─ video/folders/...    media roots, then folders as on disk (videos only)
 *    │          └─ video/recent         the newest N, newest first
 *    ├─ music ──┬─ music/artists/{artist}/{album}   tracks by number
 *    │          ├─ music/albums/{album}             tracks by number
 *    │          ├─ music/genres/{genre}             tracks by artist, album, number
 *    │          └─ music/all                        tracks by title
 *    ├─ photos ─┬─ photos/dates/{yyyy-MM}   newest month first, photos by date taken
 *    │          └─ photos/folders/...
 *    ├─ folders/{root}/{folder}/...         everything, as on disk
 *    └─ neighbourhood/...                   the neighbours' shared folders, in a pool (NeighbourhoodTree)
 * </pre>
 */
final class Containers {
    static final String UNKNOWN_ARTIST = "Unknown artist";
    static final String UNKNOWN_ALBUM = "Unknown album";
    static final String UNKNOWN_GENRE = "Unknown genre";
    static final String UNDATED = "Undated";

    private static final List<SortKey> BY_TITLE = List.of(SortKey.ascending(SortField.TITLE));
    private static final List<SortKey> BY_TRACK = List.of(SortKey.ascending(SortField.TRACK_NUMBER),
            SortKey.ascending(SortField.TITLE));
    private static final ItemFilter VIDEOS = ItemFilter.of(MediaKind.VIDEO);
    private static final ItemFilter MUSIC = ItemFilter.of(MediaKind.AUDIO);
    private static final ItemFilter PHOTOS = ItemFilter.of(MediaKind.PHOTO);

    private final DirectoryOptions options;
    private final NeighbourhoodTree neighbourhood;

    Containers(DirectoryOptions options, NeighbourhoodTree neighbourhood) {
        this.options = options;
        this.neighbourhood = neighbourhood;
    }

    /** The Neighbourhood container comes last, and only when the server is in a pool. */
    Container root() {
        List<Container> top = new java.util.ArrayList<>(List.of(video(), music(), photos(),
                folderRoots(FolderTree.ALL)));
        if (neighbourhood.enabled()) {
            top.add(neighbourhood.top());
        }
        return new Container(ObjectIds.ROOT, ObjectIds.ROOT_PARENT, options.rootTitle(), Container.ROOT,
                new Listing.Fixed(top), ItemFilter.all());
    }

    Container video() {
        return fixed("video", "Video", VIDEOS, videoAll(), folderRoots(FolderTree.VIDEO), videoRecent());
    }

    Container videoAll() {
        return Container.at("video/all", "All videos", Container.FOLDER, new Listing.Items(VIDEOS, BY_TITLE), VIDEOS);
    }

    Container videoRecent() {
        ItemFilter latest = VIDEOS.withLatest(options.recentCount());
        return Container.at("video/recent", "Recently added", Container.FOLDER,
                new Listing.Items(latest, List.of(SortKey.descending(SortField.ADDED))), latest);
    }

    Container music() {
        return fixed("music", "Music", MUSIC, artists(), albums(), genres(), allTracks());
    }

    Container artists() {
        return Container.at("music/artists", "Artists", Container.FOLDER,
                new Listing.Values(Facet.ARTIST, MUSIC, false, false, this::artist), MUSIC);
    }

    Container artist(String artist) {
        ItemFilter filter = MUSIC.withArtist(artist);
        return Container.at("music/artists/" + ObjectIds.encode(artist), named(artist, UNKNOWN_ARTIST),
                Container.ARTIST, new Listing.Values(Facet.ALBUM, filter, false, true,
                        album -> artistAlbum(artist, album)), filter);
    }

    Container artistAlbum(String artist, String album) {
        ItemFilter filter = MUSIC.withArtist(artist).withAlbum(album);
        return Container.at("music/artists/" + ObjectIds.encode(artist) + "/" + ObjectIds.encode(album),
                named(album, UNKNOWN_ALBUM), Container.ALBUM, new Listing.Items(filter, BY_TRACK), filter);
    }

    Container albums() {
        return Container.at("music/albums", "Albums", Container.FOLDER,
                new Listing.Values(Facet.ALBUM, MUSIC, false, true, this::album), MUSIC);
    }

    Container album(String album) {
        ItemFilter filter = MUSIC.withAlbum(album);
        return Container.at("music/albums/" + ObjectIds.encode(album), named(album, UNKNOWN_ALBUM), Container.ALBUM,
                new Listing.Items(filter, BY_TRACK), filter);
    }

    Container genres() {
        return Container.at("music/genres", "Genres", Container.FOLDER,
                new Listing.Values(Facet.GENRE, MUSIC, false, true, this::genre), MUSIC);
    }

    Container genre(String genre) {
        ItemFilter filter = MUSIC.withGenre(genre);
        List<SortKey> order = List.of(SortKey.ascending(SortField.ARTIST), SortKey.ascending(SortField.ALBUM),
                SortKey.ascending(SortField.TRACK_NUMBER), SortKey.ascending(SortField.TITLE));
        return Container.at("music/genres/" + ObjectIds.encode(genre), named(genre, UNKNOWN_GENRE), Container.GENRE,
                new Listing.Items(filter, order), filter);
    }

    Container allTracks() {
        return Container.at("music/all", "All tracks", Container.FOLDER, new Listing.Items(MUSIC, BY_TITLE), MUSIC);
    }

    Container photos() {
        return fixed("photos", "Photos", PHOTOS, photoDates(), folderRoots(FolderTree.PHOTO));
    }

    Container photoDates() {
        return Container.at("photos/dates", "By date", Container.FOLDER,
                new Listing.Values(Facet.PHOTO_MONTH, PHOTOS, true, true, this::photoMonth), PHOTOS);
    }

    Container photoMonth(String month) {
        ItemFilter filter = PHOTOS.withPhotoMonth(month);
        return Container.at("photos/dates/" + ObjectIds.encode(month), named(month, UNDATED), Container.PHOTO_ALBUM,
                new Listing.Items(filter, List.of(SortKey.ascending(SortField.DATE))), filter);
    }

    Container folderRoots(FolderTree tree) {
        return Container.at(tree.prefix(), "Folders", Container.FOLDER, new Listing.Roots(tree), kinds(tree));
    }

    Container folder(FolderTree tree, MediaRoot root, String path) {
        String title = path.isEmpty() ? root.name() : path.substring(path.lastIndexOf('/') + 1);
        return Container.at(ObjectIds.folder(tree.prefix(), root.key(), path), title, Container.FOLDER,
                new Listing.Folder(tree, root, path), kinds(tree).withFolder(new FolderScope(root.key(), path, true)));
    }

    /** The items directly in a folder, of the tree's kind. */
    static ItemFilter directlyIn(Listing.Folder folder) {
        return kinds(folder.tree()).withFolder(new FolderScope(folder.root().key(), folder.path(), false));
    }

    static ItemFilter kinds(FolderTree tree) {
        return tree.kind().map(ItemFilter::of).orElse(ItemFilter.all());
    }

    private static Container fixed(String id, String title, ItemFilter scope, Container... children) {
        return Container.at(id, title, Container.FOLDER, new Listing.Fixed(List.of(children)), scope);
    }

    private static String named(String value, String unknown) {
        return value.isEmpty() ? unknown : value;
    }
}
