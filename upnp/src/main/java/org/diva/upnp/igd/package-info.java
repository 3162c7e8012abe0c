/** Reachability from the internet: asks the home router (UPnP IGD v1/v2) to forward the pool's ports, and reports where neighbours can dial in. */
package org.diva.upnp.igd;
