/** DiVA's UPnP/DLNA MediaServer, assembled from the upnp module over the catalogue. */
package org.diva.server.upnp;
