/** The UPnP/DLNA face of DiVA: MediaServer device, ContentDirectory, renderer control (not built yet). */
package org.diva.upnp;
