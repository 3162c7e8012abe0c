package org.diva.upnp.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.diva.upnp.library.SortField;
import org.diva.upnp.library.SortKey;

/**
 * Parses SortCriteria (ContentDirectory:1 §2.5.7): comma-separated properties, each prefixed with {@code +}
 * (ascending) or {@code -} (descending). A missing sign means ascending, as lenient servers read it, and empty
 * entries are skipped. {@code upnp:class} is accepted and ignored: within one container DiVA's children share
 * a class or are already grouped containers first.
 */
public final class SortCriteriaParser {
    private static final Map<String, Optional<SortField>> PROPERTIES = Map.of(
            "dc:title", Optional.of(SortField.TITLE),
            "dc:date", Optional.of(SortField.DATE),
            "dc:creator", Optional.of(SortField.ARTIST),
            "upnp:artist", Optional.of(SortField.ARTIST),
            "upnp:album", Optional.of(SortField.ALBUM),
            "upnp:genre", Optional.of(SortField.GENRE),
            "upnp:originalTrackNumber", Optional.of(SortField.TRACK_NUMBER),
            "upnp:class", Optional.empty());

    private SortCriteriaParser() {
    }

    /** The comma-separated property names SortCriteria may use, for GetSortCapabilities. */
    public static String capabilities() {
        return "dc:title,dc:date,dc:creator,upnp:artist,upnp:album,upnp:genre,upnp:originalTrackNumber,upnp:class";
    }

    /** The keys in order; empty when the client asked for no particular order. */
    public static List<SortKey> parse(String criteria) throws InvalidCriteriaException {
        List<SortKey> keys = new ArrayList<>();
        for (String entry : criteria.split(",", -1)) {
            String term = entry.strip();
            if (term.isEmpty()) {
                continue;
            }
            boolean descending = term.charAt(0) == '-';
            String name = term.charAt(0) == '+' || descending ? term.substring(1).strip() : term;
            Optional<SortField> field = PROPERTIES.get(name);
            if (field == null) {
                throw new InvalidCriteriaException("cannot sort by '" + name + "'; sortable: " + capabilities());
            }
            field.ifPresent(f -> keys.add(new SortKey(f, descending)));
        }
        return keys;
    }
}
