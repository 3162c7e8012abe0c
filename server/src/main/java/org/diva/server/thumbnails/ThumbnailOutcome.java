package org.diva.server.thumbnails;

import java.util.Objects;

/** What asking for an item's picture gives: the picture, the reason there is none, or "busy, ask again". */
public sealed interface ThumbnailOutcome {
    /** The item version the outcome belongs to. */
    int itemVersion();

    /** A JPEG of {@code width} x {@code height} pixels. */
    record Picture(byte[] jpeg, int width, int height, int itemVersion) implements ThumbnailOutcome {
        public Picture {
            Objects.requireNonNull(jpeg, "jpeg");
        }
    }

    /**
     * No picture, and why, in words fit for the household. The file is named as the API names it (folder and name
     * under the media folder), never by its absolute path.
     *
     * @param lasting whether the reason holds until the file changes (unsupported or damaged), as opposed to a
     *                passing one (the file cannot be read just now)
     */
    record NoPicture(String reason, boolean lasting, int itemVersion) implements ThumbnailOutcome {
        public NoPicture {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Too many pictures are waiting to be made; a later request will get this one. */
    record Busy(String reason, int itemVersion) implements ThumbnailOutcome {
        public Busy {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
