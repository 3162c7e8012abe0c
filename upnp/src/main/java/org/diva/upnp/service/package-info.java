/**
 * The MediaServer's UPnP services as jUPnP binds them: ContentDirectory (with Samsung's extensions),
 * ConnectionManager and Microsoft's media receiver registrar; how they run without jUPnP's per-service lock;
 * and how library changes become rate-limited GENA events.
 */
package org.diva.upnp.service;
