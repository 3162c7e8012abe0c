package org.diva.upnp.didl;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Writes DIDL-Lite documents. The result is XML text to be placed in a SOAP response, where the SOAP layer
 * escapes it as a whole once more; so titles are escaped here exactly once, never twice.
 */
public final class DidlWriter {
    static final String OPEN = "<DIDL-Lite xmlns=\"urn:schemas-upnp-org:metadata-1-0/DIDL-Lite/\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
            + " xmlns:upnp=\"urn:schemas-upnp-org:metadata-1-0/upnp/\""
            + " xmlns:dlna=\"urn:schemas-dlna-org:metadata-1-0/\""
            + " xmlns:sec=\"http://www.sec.co.kr/\">";
    static final String CLOSE = "</DIDL-Lite>";

    private DidlWriter() {
    }

    public static String write(List<? extends DidlObject> objects, PropertyFilter filter) {
        StringBuilder out = new StringBuilder(256 + objects.size() * 512);
        out.append(OPEN);
        for (DidlObject object : objects) {
            if (object instanceof DidlContainer container) {
                container(out, container, filter);
            } else {
                item(out, (DidlItem) object, filter);
            }
        }
        return out.append(CLOSE).toString();
    }

    private static void container(StringBuilder out, DidlContainer c, PropertyFilter filter) {
        out.append("<container");
        attribute(out, "id", c.id());
        attribute(out, "parentID", c.parentId());
        attribute(out, "restricted", "1");
        if (filter.attribute("container", "searchable")) {
            attribute(out, "searchable", c.searchable() ? "1" : "0");
        }
        if (c.childCount().isPresent() && filter.attribute("container", "childCount")) {
            attribute(out, "childCount", Long.toString(c.childCount().getAsLong()));
        }
        out.append('>');
        element(out, "dc:title", c.title());
        element(out, "upnp:class", c.upnpClass());
        out.append("</container>");
    }

    private static void item(StringBuilder out, DidlItem item, PropertyFilter filter) {
        out.append("<item");
        attribute(out, "id", item.id());
        attribute(out, "parentID", item.parentId());
        attribute(out, "restricted", "1");
        out.append('>');
        element(out, "dc:title", item.title());
        element(out, "upnp:class", item.upnpClass());
        item.date().filter(d -> filter.element("dc:date")).ifPresent(d -> element(out, "dc:date", d));
        item.artist().filter(a -> filter.element("dc:creator")).ifPresent(a -> element(out, "dc:creator", a));
        item.artist().filter(a -> filter.element("upnp:artist")).ifPresent(a -> element(out, "upnp:artist", a));
        item.album().filter(a -> filter.element("upnp:album")).ifPresent(a -> element(out, "upnp:album", a));
        item.genre().filter(g -> filter.element("upnp:genre")).ifPresent(g -> element(out, "upnp:genre", g));
        if (item.trackNumber().isPresent() && filter.element("upnp:originalTrackNumber")) {
            element(out, "upnp:originalTrackNumber", Integer.toString(item.trackNumber().getAsInt()));
        }
        item.albumArt().filter(a -> filter.element("upnp:albumArtURI")).ifPresent(art -> {
            out.append("<upnp:albumArtURI");
            attribute(out, "dlna:profileID", art.profileId());
            out.append('>');
            XmlText.appendText(out, art.url());
            out.append("</upnp:albumArtURI>");
        });
        if (filter.element("res")) {
            item.resources().forEach(r -> resource(out, r, filter));
        }
        if (filter.element("sec:CaptionInfoEx") || filter.element("sec:CaptionInfo")) {
            for (Caption caption : item.captions()) {
                out.append("<sec:CaptionInfoEx");
                attribute(out, "sec:type", caption.type());
                out.append('>');
                XmlText.appendText(out, caption.url());
                out.append("</sec:CaptionInfoEx>");
            }
        }
        out.append("</item>");
    }

    private static void resource(StringBuilder out, DidlResource r, PropertyFilter filter) {
        out.append("<res");
        attribute(out, "protocolInfo", r.protocolInfo());
        optional(out, filter, "size", r.size());
        if (r.durationMillis().isPresent() && filter.attribute("res", "duration")) {
            attribute(out, "duration", duration(r.durationMillis().getAsLong()));
        }
        optional(out, filter, "bitrate", r.bytesPerSecond());
        r.resolution().filter(v -> filter.attribute("res", "resolution"))
                .ifPresent(v -> attribute(out, "resolution", v));
        optional(out, filter, "sampleFrequency", r.sampleFrequency());
        optional(out, filter, "nrAudioChannels", r.audioChannels());
        out.append('>');
        XmlText.appendText(out, r.url());
        out.append("</res>");
    }

    /** UPnP's {@code H+:MM:SS.F+}, here with milliseconds: 1:45:02.123. */
    static String duration(long millis) {
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d.%03d", seconds / 3600, seconds / 60 % 60, seconds % 60,
                millis % 1000);
    }

    private static void optional(StringBuilder out, PropertyFilter filter, String name, OptionalLong value) {
        if (value.isPresent() && filter.attribute("res", name)) {
            attribute(out, name, Long.toString(value.getAsLong()));
        }
    }

    private static void optional(StringBuilder out, PropertyFilter filter, String name, OptionalInt value) {
        if (value.isPresent() && filter.attribute("res", name)) {
            attribute(out, name, Integer.toString(value.getAsInt()));
        }
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"");
        XmlText.appendAttribute(out, value);
        out.append('"');
    }

    private static void element(StringBuilder out, String name, String text) {
        out.append('<').append(name).append('>');
        XmlText.appendText(out, text);
        out.append("</").append(name).append('>');
    }
}
