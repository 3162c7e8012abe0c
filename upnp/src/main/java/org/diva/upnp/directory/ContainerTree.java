package org.diva.upnp.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.library.ItemQuery;
import org.diva.upnp.library.LibraryView;
import org.diva.upnp.library.MediaRoot;

/**
 * Finds the container an object id names. Malformed ids are the client's error (402); well-formed ids of
 * containers that do not exist, such as an artist no item has any more, are not found (empty, so 701).
 */
final class ContainerTree {
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])|");

    private final LibraryView view;
    private final Containers containers;
    private final NeighbourhoodTree neighbourhood;

    ContainerTree(LibraryView view, Containers containers, NeighbourhoodTree neighbourhood) {
        this.view = view;
        this.containers = containers;
        this.neighbourhood = neighbourhood;
    }

    Optional<Container> container(String id) throws ContentDirectoryException {
        List<String> s = ObjectIds.segments(id);
        return switch (s.get(0)) {
            case ObjectIds.ROOT -> s.size() == 1 ? Optional.of(containers.root()) : Optional.empty();
            case "video" -> video(s);
            case "music" -> music(s);
            case "photos" -> photos(s);
            case "folders" -> folder(FolderTree.ALL, s.subList(1, s.size()));
            case NeighbourhoodTree.PREFIX -> neighbourhood.container(id);
            default -> Optional.empty();
        };
    }

    private Optional<Container> video(List<String> s) throws ContentDirectoryException {
        if (s.size() == 1) {
            return Optional.of(containers.video());
        }
        return switch (s.get(1)) {
            case "all" -> only(s, 2, containers.videoAll());
            case "recent" -> only(s, 2, containers.videoRecent());
            case "folders" -> folder(FolderTree.VIDEO, s.subList(2, s.size()));
            default -> Optional.empty();
        };
    }

    private Optional<Container> music(List<String> s) throws ContentDirectoryException {
        if (s.size() == 1) {
            return Optional.of(containers.music());
        }
        List<String> names = decode(s.subList(2, s.size()));
        // which list, and how many names follow it: "artists/2" is music/artists/{artist}/{album}
        return switch (s.get(1) + "/" + names.size()) {
            case "artists/0" -> Optional.of(containers.artists());
            case "artists/1" -> nonEmpty(containers.artist(names.get(0)));
            case "artists/2" -> nonEmpty(containers.artistAlbum(names.get(0), names.get(1)));
            case "albums/0" -> Optional.of(containers.albums());
            case "albums/1" -> nonEmpty(containers.album(names.get(0)));
            case "genres/0" -> Optional.of(containers.genres());
            case "genres/1" -> nonEmpty(containers.genre(names.get(0)));
            case "all/0" -> Optional.of(containers.allTracks());
            default -> Optional.empty();
        };
    }

    private Optional<Container> photos(List<String> s) throws ContentDirectoryException {
        if (s.size() == 1) {
            return Optional.of(containers.photos());
        }
        if (s.get(1).equals("folders")) {
            return folder(FolderTree.PHOTO, s.subList(2, s.size()));
        }
        List<String> names = decode(s.subList(2, s.size()));
        if (!s.get(1).equals("dates") || names.size() > 1) {
            return Optional.empty();
        }
        if (names.isEmpty()) {
            return Optional.of(containers.photoDates());
        }
        return MONTH.matcher(names.get(0)).matches() ? nonEmpty(containers.photoMonth(names.get(0)))
                : Optional.empty();
    }

    /** {@code rest} is what follows the tree's prefix: nothing (the roots), or a root key and folder names. */
    private Optional<Container> folder(FolderTree tree, List<String> rest) throws ContentDirectoryException {
        List<String> names = decode(rest);
        if (names.isEmpty()) {
            return Optional.of(containers.folderRoots(tree));
        }
        Optional<MediaRoot> root = view.roots().stream().filter(r -> r.key().equals(names.get(0))).findFirst();
        List<String> folders = names.subList(1, names.size());
        if (root.isEmpty() || folders.stream().anyMatch(f -> f.isEmpty() || f.contains("/"))) {
            return Optional.empty();
        }
        Container folder = containers.folder(tree, root.get(), String.join("/", folders));
        return folders.isEmpty() ? Optional.of(folder) : nonEmpty(folder);
    }

    private Optional<Container> nonEmpty(Container container) {
        boolean any = view.items(ItemQuery.count(container.scope())).total() > 0;
        return any ? Optional.of(container) : Optional.empty();
    }

    private static Optional<Container> only(List<String> s, int size, Container container) {
        return s.size() == size ? Optional.of(container) : Optional.empty();
    }

    private static List<String> decode(List<String> segments) throws ContentDirectoryException {
        List<String> names = new ArrayList<>(segments.size());
        for (String segment : segments) {
            names.add(ObjectIds.decode(segment));
        }
        return names;
    }
}
