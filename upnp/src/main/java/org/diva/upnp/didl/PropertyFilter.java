package org.diva.upnp.didl;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Browse or Search Filter (ContentDirectory:1 §2.5.6): {@code *} for every property, or a comma-separated list
 * of the optional ones wanted, such as {@code dc:date,res,res@duration,upnp:albumArtURI,@childCount}. What DIDL-Lite
 * requires (id, parentID, restricted, dc:title, upnp:class, res@protocolInfo) is written whatever the filter.
 * Naming an attribute ({@code res@size}) implies its element. Names compare ignoring case, as clients differ.
 */
public final class PropertyFilter {
    private static final PropertyFilter ALL = new PropertyFilter(true, Set.of());

    private final boolean all;
    private final Set<String> names;

    private PropertyFilter(boolean all, Set<String> names) {
        this.all = all;
        this.names = names;
    }

    public static PropertyFilter all() {
        return ALL;
    }

    public static PropertyFilter parse(String filter) {
        Set<String> names = Arrays.stream(filter.split(",")).map(String::strip).filter(n -> !n.isEmpty())
                .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return names.contains("*") ? ALL : new PropertyFilter(false, names);
    }

    /** Whether to write an optional element, e.g. {@code dc:date} or {@code res}. */
    public boolean element(String name) {
        if (all) {
            return true;
        }
        String element = name.toLowerCase(Locale.ROOT);
        return names.contains(element) || names.stream().anyMatch(n -> n.startsWith(element + "@"));
    }

    /**
     * Whether to write an optional attribute: {@code attribute("res", "size")} for {@code res@size}, or
     * {@code attribute("container", "childCount")} for {@code @childCount} on containers.
     */
    public boolean attribute(String element, String attribute) {
        if (all) {
            return true;
        }
        String a = attribute.toLowerCase(Locale.ROOT);
        return names.contains(element.toLowerCase(Locale.ROOT) + "@" + a) || names.contains("@" + a);
    }
}
