package org.diva.upnp.igd;

/**
 * Told whenever reachability changes: a port mapped or lost, the router's external address found or changed.
 * The pool advertises {@link Reachability#advertised} to neighbours; the dashboard shows the rest.
 */
@FunctionalInterface
public interface ReachabilityListener {
    /** Called on a UPnP or scheduler thread with the mapper's lock held: hand slow work to another thread. */
    void reachabilityChanged(Reachability now);
}
