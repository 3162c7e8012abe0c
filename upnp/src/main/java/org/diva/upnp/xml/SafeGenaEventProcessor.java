package org.diva.upnp.xml;

import org.jupnp.transport.impl.GENAEventProcessorImpl;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** jUPnP's GENA event body reader with a parser that refuses DTDs ({@link SafeXml}). */
public class SafeGenaEventProcessor extends GENAEventProcessorImpl {
    @Override
    protected Document readDocument(InputSource inputSource, ErrorHandler errorHandler) throws SAXException {
        return SafeXml.parse(inputSource, errorHandler);
    }

    @Override
    protected Document readDocument(InputSource inputSource) throws SAXException {
        return SafeXml.parse(inputSource, null);
    }
}
