package org.diva.server.pool.sharing;

import java.util.Objects;
import java.util.Optional;
import org.diva.transcode.probe.MediaInfo;

/**
 * Wire form ({@code /peer/v1}) of one shared item: what a neighbour needs to list it and to decide how its devices
 * play it. Never carries a path: {@code folder} is the item's {@link FolderId} in the shared tree. Validated when
 * read, since it comes from another household.
 *
 * @param id       the item's id on the server that holds it (digits)
 * @param kind     video, audio or photo
 * @param modified the file's modification time, epoch milliseconds
 * @param media    what the holder's probe found: container, streams, tags
 */
public record PeerItemJson(String id, String title, String kind, String fileName, String folder, long size,
                           long modified, Optional<MediaInfo> media) {
    public static final int MAX_TEXT = 8192;

    public PeerItemJson {
        Objects.requireNonNull(media, "media");
        if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException("item id must be 1 to 18 digits, not '"
                    + (id == null ? "null" : FolderId.abbreviate(id)) + "'");
        }
        if (kind == null || !kind.matches("video|audio|photo")) {
            throw new IllegalArgumentException("item " + id + ": kind must be video, audio or photo, not '" + kind + "'");
        }
        text(id, "title", title);
        text(id, "fileName", fileName);
        text(id, "folder", folder);
        if (size < 0) {
            throw new IllegalArgumentException("item " + id + ": negative size " + size);
        }
    }

    private static void text(String id, String field, String value) {
        if (value == null || value.length() > MAX_TEXT) {
            throw new IllegalArgumentException("item " + id + ": " + field + " is missing or longer than " + MAX_TEXT);
        }
    }
}
