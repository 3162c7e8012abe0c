/** The UPnP/DLNA face of DiVA: MediaServer device, ContentDirectory, renderer control. */
package org.diva.upnp;
