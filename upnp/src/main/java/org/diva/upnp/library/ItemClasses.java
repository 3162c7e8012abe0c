package org.diva.upnp.library;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The UPnP class of each kind of item, and which kinds a comparison on {@code upnp:class} selects, so that a SQL
 * view turns it into {@code kind IN (...)} (an empty set: FALSE) without knowing UPnP classes.
 */
public final class ItemClasses {
    public static final String VIDEO = "object.item.videoItem";
    public static final String MUSIC_TRACK = "object.item.audioItem.musicTrack";
    public static final String PHOTO = "object.item.imageItem.photo";

    private ItemClasses() {
    }

    public static String of(MediaKind kind) {
        return switch (kind) {
            case VIDEO -> VIDEO;
            case AUDIO -> MUSIC_TRACK;
            case PHOTO -> PHOTO;
        };
    }

    /** The kinds whose class satisfies {@code compare}, which must be on {@link SearchProperty#CLASS}. */
    public static Set<MediaKind> kindsMatching(Criteria.Compare compare) {
        if (compare.property() != SearchProperty.CLASS) {
            throw new IllegalArgumentException("not a class comparison: " + compare);
        }
        Set<MediaKind> kinds = EnumSet.noneOf(MediaKind.class);
        for (MediaKind kind : MediaKind.values()) {
            if (matches(of(kind), compare.operator(), compare.value())) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private static boolean matches(String itemClass, SearchOperator operator, String value) {
        String cls = itemClass.toLowerCase(Locale.ROOT);
        String v = value.toLowerCase(Locale.ROOT);
        return switch (operator) {
            case EQUALS -> cls.equals(v);
            case NOT_EQUALS -> !cls.equals(v);
            case CONTAINS -> cls.contains(v);
            case DOES_NOT_CONTAIN -> !cls.contains(v);
            case DERIVED_FROM -> cls.equals(v) || cls.startsWith(v + ".");
            case EXISTS -> value.equals("true");
            case STARTS_WITH -> cls.startsWith(v);
        };
    }
}
