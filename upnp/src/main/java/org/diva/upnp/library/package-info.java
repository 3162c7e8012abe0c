/**
 * What the UPnP face needs to know about the household's library, and the paged, counted queries it asks: the
 * narrow view that {@code server} implements over its catalogue (DESIGN.md: the adapter owns the interface).
 */
package org.diva.upnp.library;
