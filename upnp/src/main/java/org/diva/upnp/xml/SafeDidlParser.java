package org.diva.upnp.xml;

import org.jupnp.support.contentdirectory.DIDLParser;
import org.xml.sax.XMLReader;

/**
 * jUPnP's DIDL-Lite reader with a parser that refuses DTDs ({@link SafeXml}), for DIDL-Lite that other devices
 * send (a renderer's current track, a neighbour's browse result). Writing DIDL-Lite is unchanged.
 */
public class SafeDidlParser extends DIDLParser {
    /** Called from the superclass constructor, so it must not touch this class's fields. */
    @Override
    protected XMLReader create() {
        XMLReader reader = SafeXml.xmlReader();
        reader.setErrorHandler(getErrorHandler());
        return reader;
    }
}
