package org.diva.server.library;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.diva.server.catalogue.FileFacts;
import org.diva.transcode.probe.MediaExtensions;
import org.diva.transcode.probe.MediaKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the media files under a folder, following symbolic links but never around a loop (each real directory is
 * visited once, by its file key), skipping hidden entries, and carrying on past folders it cannot read, which it
 * reports so that their items are not mistaken for deleted. External subtitles beside a video are attached to
 * it by name ({@code Movie.srt}, {@code Movie.en.srt} belong to {@code Movie.mkv}).
 */
final class FolderWalker {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWalker.class);

    /** What a walk found besides the files. */
    record WalkReport(List<Path> unreadable, int loopsSkipped) {
    }

    /**
     * Walks {@code start} (the root or a folder under it), calling {@code sink} for every media file.
     */
    WalkReport walk(Path root, Path start, Consumer<FileFacts> sink) {
        List<Path> unreadable = new ArrayList<>();
        Set<Object> visited = new HashSet<>();
        int loops = 0;
        Deque<Path> pending = new ArrayDeque<>();
        pending.push(start);
        while (!pending.isEmpty()) {
            Path dir = pending.pop();
            Object key;
            try {
                BasicFileAttributes attributes = Files.readAttributes(dir, BasicFileAttributes.class);
                key = attributes.fileKey() != null ? attributes.fileKey() : dir.toRealPath();
            } catch (IOException e) {
                LOG.warn("cannot read folder {}: {}", dir, e.toString());
                unreadable.add(dir);
                continue;
            }
            if (!visited.add(key)) {
                LOG.info("skipping {}: a link back to a folder already scanned (loop)", dir);
                loops++;
                continue;
            }
            List<Path> files = new ArrayList<>();
            List<Path> subdirectories = new ArrayList<>();
            if (!list(dir, files, subdirectories)) {
                unreadable.add(dir);
                continue;
            }
            emitFolder(root, dir, files, sink);
            subdirectories.sort(null);
            for (int i = subdirectories.size() - 1; i >= 0; i--) {
                pending.push(subdirectories.get(i));
            }
        }
        return new WalkReport(unreadable, loops);
    }

    private static boolean list(Path dir, List<Path> files, List<Path> subdirectories) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    subdirectories.add(entry);
                } else if (Files.isRegularFile(entry)) {
                    files.add(entry);
                } else if (Files.isSymbolicLink(entry) && !Files.exists(entry)) {
                    LOG.debug("skipping broken link {}", entry);
                }
            }
            return true;
        } catch (IOException | SecurityException e) {
            LOG.warn("cannot list folder {}: {}", dir, e.toString());
            return false;
        }
    }

    private static void emitFolder(Path root, Path dir, List<Path> files, Consumer<FileFacts> sink) {
        List<String> subtitles = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (MediaExtensions.isSubtitle(name)) {
                subtitles.add(name);
            }
        }
        String folder = relativeFolder(root, dir);
        for (Path file : files) {
            String name = file.getFileName().toString();
            MediaKind kind = MediaExtensions.kindOf(name).orElse(null);
            if (kind == null) {
                continue;
            }
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                String sidecars = kind == MediaKind.VIDEO ? sidecarsOf(name, subtitles) : "";
                sink.accept(new FileFacts(root, file, folder, kind, attributes.size(),
                        attributes.lastModifiedTime().toMillis(), sidecars));
            } catch (IOException e) {
                LOG.warn("cannot read attributes of {}: {}", file, e.toString());
            }
        }
    }

    /** Subtitle files whose name is the video's base name, optionally followed by ".lang" or other tags. */
    static String sidecarsOf(String videoName, List<String> subtitles) {
        String base = videoName.substring(0, videoName.lastIndexOf('.')).toLowerCase(Locale.ROOT);
        Set<String> matching = new TreeSet<>();
        for (String subtitle : subtitles) {
            String lower = subtitle.toLowerCase(Locale.ROOT);
            String stem = lower.substring(0, lower.lastIndexOf('.'));
            if (stem.equals(base) || stem.startsWith(base + ".")) {
                matching.add(subtitle);
            }
        }
        return String.join("/", matching);
    }

    static String relativeFolder(Path root, Path dir) {
        Path relative = root.relativize(dir);
        String text = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
        return text.equals("") ? "" : text;
    }
}
