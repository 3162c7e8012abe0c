/** The client devices that talk to DiVA: who they are (user agent, DLNA headers, UPnP description) and when seen. */
package org.diva.server.devices;
