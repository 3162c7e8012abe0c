package org.diva.upnp.xml;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Parsers for XML that comes from the network. Every document a UPnP peer sends is untrusted: a DOCTYPE could
 * declare an external entity ({@code <!ENTITY x SYSTEM "file:///etc/shadow">}) whose text a parser would paste into
 * a value DiVA echoes back, or nest entities until the JVM runs out of memory. UPnP documents never need a DTD,
 * so a DOCTYPE is refused outright ({@code disallow-doctype-decl}); the other switches are belt and braces for
 * parsers that would ignore that feature. Follows the OWASP XXE Prevention Cheat Sheet for JAXP.
 *
 * <p>The JDK's own parsers are used ({@code newDefaultInstance}), so the features are known to be honoured and a
 * stray parser on the classpath cannot weaken them; a parser that rejects a feature fails here, never silently.
 */
public final class SafeXml {
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    private SafeXml() {
    }

    /** A namespace-aware DOM parser that refuses DTDs; not thread-safe, so make one per parse. */
    public static DocumentBuilder documentBuilder() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL, false);
            factory.setFeature(EXTERNAL_PARAMETER, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver(SafeXml::refuseEntity);
            builder.setErrorHandler(Strict.INSTANCE);
            return builder;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the JDK's XML parser does not support DiVA's XXE protection: " + e, e);
        }
    }

    /** A namespace-aware SAX reader that refuses DTDs; not thread-safe, so make one per parse. */
    public static XMLReader xmlReader() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL, false);
            factory.setFeature(EXTERNAL_PARAMETER, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            reader.setEntityResolver(SafeXml::refuseEntity);
            reader.setErrorHandler(Strict.INSTANCE);
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser does not support DiVA's XXE protection: " + e, e);
        }
    }

    /** Parses a whole document from text. */
    public static Document parse(String xml) throws SAXException {
        return parse(new InputSource(new StringReader(xml)), Strict.INSTANCE);
    }

    static Document parse(InputSource source, ErrorHandler errors) throws SAXException {
        DocumentBuilder builder = documentBuilder();
        if (errors != null) {
            builder.setErrorHandler(errors);
        }
        try {
            return builder.parse(source);
        } catch (IOException e) {
            // Only reading the given text can fail here: the entity resolver never opens anything.
            throw new SAXException("cannot read the XML document: " + e.getMessage(), e);
        }
    }

    /** Reached only if a parser ignored the DOCTYPE ban; refusing keeps files and URLs closed all the same. */
    private static InputSource refuseEntity(String publicId, String systemId) throws SAXException {
        throw new SAXException("external entities are not allowed in UPnP documents (" + systemId + ")");
    }

    /** Warnings are ignored; every error stops the parse, so a half-read document is never used. */
    private enum Strict implements ErrorHandler {
        INSTANCE;

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
