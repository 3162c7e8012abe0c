/**
 * Which network interfaces UPnP uses, and SSDP on them: the interface choice, jUPnP's view of the chosen
 * addresses, and the multicast sockets, each tied to its own interface so nothing leaks onto another network.
 */
package org.diva.upnp.network;
