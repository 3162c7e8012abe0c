package org.diva.upnp.didl;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads DIDL-Lite back the way a careful client does: namespace-aware, with DTDs and external entities refused,
 * so a test fails on anything that is not well-formed XML.
 */
public final class DidlDocuments {
    public static final String DIDL = "urn:schemas-upnp-org:metadata-1-0/DIDL-Lite/";
    public static final String DC = "http://purl.org/dc/elements/1.1/";
    public static final String UPNP = "urn:schemas-upnp-org:metadata-1-0/upnp/";
    public static final String DLNA = "urn:schemas-dlna-org:metadata-1-0/";
    public static final String SEC = "http://www.sec.co.kr/";

    private DidlDocuments() {
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed DIDL-Lite: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** The container and item elements, in document order. */
    public static List<Element> objects(Document document) {
        List<Element> objects = new ArrayList<>();
        NodeList children = document.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                objects.add((Element) children.item(i));
            }
        }
        return objects;
    }

    /** The text of the first child element with this namespace and local name, or null. */
    public static String text(Element parent, String namespace, String localName) {
        NodeList found = parent.getElementsByTagNameNS(namespace, localName);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }
}
