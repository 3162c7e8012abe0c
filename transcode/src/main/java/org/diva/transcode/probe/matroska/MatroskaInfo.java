package org.diva.transcode.probe.matroska;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.probe.MediaFormatException;

/**
 * The Segment Info facts a probe reports (title and duration), and the title a global Tag carries. Both are read
 * leniently: damage here costs the title or duration, never the file.
 */
record MatroskaInfo(Optional<String> title, OptionalLong durationMillis) {
    private static final MatroskaInfo NONE = new MatroskaInfo(Optional.empty(), OptionalLong.empty());
    /** TargetTypeValue 50 is a movie, episode or album: the level whose TITLE is the file's title. */
    private static final long TARGET_WHOLE_ITEM = 50;

    /** Reads Info, or returns nothing when it is absent or damaged. */
    static MatroskaInfo readLeniently(EbmlReader ebml, EbmlReader.Element info, long segmentEnd) throws IOException {
        if (info == null) {
            return NONE;
        }
        try {
            ebml.requireWithin(info, segmentEnd, "Segment");
            long timestampScale = 1_000_000;
            double duration = -1;
            Optional<String> title = Optional.empty();
            for (EbmlReader.Element e : ebml.children(info)) {
                switch (e.id()) {
                    case MatroskaIds.TIMESTAMP_SCALE -> timestampScale = ebml.unsigned(e);
                    case MatroskaIds.DURATION -> duration = ebml.floating(e);
                    case MatroskaIds.TITLE -> title = Optional.of(ebml.string(e)).filter(t -> !t.isBlank());
                    default -> { }
                }
            }
            // Duration counts TimestampScale units (nanoseconds each, one million by default).
            double millis = duration * timestampScale / 1e6;
            OptionalLong durationMillis = timestampScale > 0 && Double.isFinite(millis) && millis > 0
                    && millis < Long.MAX_VALUE ? OptionalLong.of(Math.round(millis)) : OptionalLong.empty();
            return new MatroskaInfo(title, durationMillis);
        } catch (MediaFormatException damaged) {
            return NONE;
        }
    }

    /**
     * The TITLE of a Tag that targets the whole file (no track, edition, chapter or attachment UID, and a
     * TargetTypeValue of 50 or none), or empty. Only a Tag's own SimpleTags are read, not nested ones.
     */
    static Optional<String> titleFromTags(EbmlReader ebml, EbmlReader.Element tags, long segmentEnd)
            throws IOException {
        if (tags == null) {
            return Optional.empty();
        }
        try {
            ebml.requireWithin(tags, segmentEnd, "Segment");
            for (EbmlReader.Element tag : ebml.children(tags)) {
                if (tag.id() == MatroskaIds.TAG && targetsWholeItem(ebml, tag)) {
                    Optional<String> title = simpleTag(ebml, tag, "TITLE");
                    if (title.isPresent()) {
                        return title;
                    }
                }
            }
        } catch (MediaFormatException damaged) {
            // Tags are optional; a damaged one costs only the title.
        }
        return Optional.empty();
    }

    private static boolean targetsWholeItem(EbmlReader ebml, EbmlReader.Element tag) throws IOException {
        for (EbmlReader.Element e : ebml.children(tag)) {
            if (e.id() != MatroskaIds.TARGETS) {
                continue;
            }
            for (EbmlReader.Element t : ebml.children(e)) {
                switch (t.id()) {
                    case MatroskaIds.TARGET_TYPE_VALUE -> {
                        if (ebml.unsigned(t) != TARGET_WHOLE_ITEM) {
                            return false;
                        }
                    }
                    case MatroskaIds.TAG_TRACK_UID, MatroskaIds.TAG_EDITION_UID, MatroskaIds.TAG_CHAPTER_UID,
                            MatroskaIds.TAG_ATTACHMENT_UID -> {
                        if (ebml.unsigned(t) != 0) {
                            return false;
                        }
                    }
                    default -> { }
                }
            }
        }
        return true;
    }

    private static Optional<String> simpleTag(EbmlReader ebml, EbmlReader.Element tag, String name)
            throws IOException {
        for (EbmlReader.Element simple : ebml.children(tag)) {
            if (simple.id() != MatroskaIds.SIMPLE_TAG) {
                continue;
            }
            String tagName = null;
            String value = null;
            for (EbmlReader.Element e : ebml.children(simple)) {
                if (e.id() == MatroskaIds.TAG_NAME) {
                    tagName = ebml.string(e);
                } else if (e.id() == MatroskaIds.TAG_STRING) {
                    value = ebml.string(e);
                }
            }
            if (name.equalsIgnoreCase(tagName) && value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
