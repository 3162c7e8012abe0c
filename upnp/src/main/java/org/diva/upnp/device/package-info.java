/**
 * DiVA's UPnP MediaServer device: its description and persistent identity, the jUPnP configuration it runs on
 * (DiVA's transports, hardened XML, bounded executors) and the start/stop lifecycle the server drives.
 */
package org.diva.upnp.device;
