package org.diva.upnp.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.diva.upnp.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * One AVTransport or RenderingControl {@code LastChange} event: the state variables that changed, per instance.
 *
 * <pre>{@code
 * <Event xmlns="urn:schemas-upnp-org:metadata-1-0/AVT/">
 *   <InstanceID val="0">
 *     <TransportState val="PLAYING"/>
 *     <Volume channel="Master" val="40"/>
 *   </InstanceID>
 * </Event>
 * }</pre>
 *
 * <p>The document arrives as the text of a GENA property, so it is a second XML document from the renderer that
 * jUPnP's event reader does not look into. It is parsed here with {@link SafeXml}: a DOCTYPE (external entities,
 * entity expansion) is refused, as are documents over {@link #MAX_CHARS} and more than {@link #MAX_CHANGES}
 * changes. Namespaces are not checked: renderers get them wrong (AVT for RCS, none at all) and the variable
 * names alone say what changed.
 */
public record LastChange(List<Change> changes) {
    /** A LastChange with a track's DIDL-Lite metadata (twice escaped) is a few KiB; this leaves ample room. */
    public static final int MAX_CHARS = 128 * 1024;
    public static final int MAX_CHANGES = 512;

    /** One changed variable; {@code channel} for RenderingControl's per-channel ones (Volume, Mute). */
    public record Change(long instanceId, String variable, Optional<String> channel, String value) {
        public Change {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(value, "value");
        }
    }

    public LastChange {
        changes = List.copyOf(changes);
    }

    /**
     * Reads a LastChange document.
     *
     * @throws InvalidLastChangeException the text is not a well-formed, DTD-free LastChange within the limits
     */
    public static LastChange parse(String xml) throws InvalidLastChangeException {
        if (xml.length() > MAX_CHARS) {
            throw new InvalidLastChangeException("LastChange of " + xml.length() + " characters (at most " + MAX_CHARS
                    + ")");
        }
        Document document;
        try {
            document = SafeXml.parse(xml);
        } catch (SAXException e) {
            throw new InvalidLastChangeException("LastChange is not acceptable XML: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!"Event".equals(name(root))) {
            throw new InvalidLastChangeException("LastChange's root is <" + name(root) + ">, not <Event>");
        }
        List<Change> changes = new ArrayList<>();
        for (Element instance : children(root)) {
            if (!"InstanceID".equals(name(instance))) {
                continue;
            }
            long id = instanceId(instance.getAttribute("val"));
            for (Element variable : children(instance)) {
                if (!variable.hasAttribute("val")) {
                    continue;
                }
                if (changes.size() == MAX_CHANGES) {
                    throw new InvalidLastChangeException("LastChange with more than " + MAX_CHANGES + " changes");
                }
                String channel = variable.getAttribute("channel");
                changes.add(new Change(id, name(variable),
                        channel.isEmpty() ? Optional.empty() : Optional.of(channel), variable.getAttribute("val")));
            }
        }
        return new LastChange(changes);
    }

    /** The newest value of a variable of an instance (for any channel, or none). */
    public Optional<String> value(long instanceId, String variable) {
        Optional<String> found = Optional.empty();
        for (Change change : changes) {
            if (change.instanceId() == instanceId && change.variable().equals(variable)) {
                found = Optional.of(change.value());
            }
        }
        return found;
    }

    /** The newest value of a per-channel variable of an instance. */
    public Optional<String> value(long instanceId, String variable, String channel) {
        Optional<String> found = Optional.empty();
        for (Change change : changes) {
            if (change.instanceId() == instanceId && change.variable().equals(variable)
                    && change.channel().filter(channel::equalsIgnoreCase).isPresent()) {
                found = Optional.of(change.value());
            }
        }
        return found;
    }

    private static long instanceId(String val) throws InvalidLastChangeException {
        if (val.isEmpty() || val.length() > 10 || !val.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidLastChangeException("LastChange's InstanceID val='" + cut(val) + "' is not a number");
        }
        return Long.parseLong(val);
    }

    private static String name(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static String cut(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
