/**
 * DLNA media format profiles: which DLNA.ORG_PN a file (or a transcoder's output) conforms to, and the
 * protocolInfo and contentFeatures.dlna.org strings that announce it.
 */
package org.diva.upnp.dlna;
