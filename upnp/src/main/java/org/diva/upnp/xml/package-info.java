/**
 * XML parsing that cannot be turned against DiVA: jUPnP's SOAP, GENA, descriptor and DIDL-Lite parsers, replaced by
 * subclasses that refuse DTDs, so external entities (XXE) and entity expansion (billion laughs) never happen.
 */
package org.diva.upnp.xml;
