/**
 * jUPnP's HTTP transport on Jetty 12: a stream server whose requests arrive through a Jetty {@code Handler}
 * mounted on DiVA's one HTTP server, and a stream client on Jetty's {@code HttpClient}; both with size limits.
 */
package org.diva.upnp.transport;
