package org.diva.upnp.didl;

/** A container or an item, as DIDL-Lite describes it. */
public sealed interface DidlObject permits DidlContainer, DidlItem {
    String id();

    /** The id of the container it was reached through; "-1" for the root. */
    String parentId();

    String title();

    /** The UPnP class, e.g. {@code object.container.storageFolder} or {@code object.item.videoItem}. */
    String upnpClass();
}
