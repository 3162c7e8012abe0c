/** Reachability from the internet: the router (UPnP IGD v1/v2) forwards the pool's ports on DiVA's request. */
package org.diva.upnp.igd;
