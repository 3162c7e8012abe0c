/**
 * The ContentDirectory contract between DiVA's UPnP device and what answers Browse and Search: requests in,
 * DIDL-Lite out, UPnP error codes for what a client got wrong.
 */
package org.diva.upnp.content;
