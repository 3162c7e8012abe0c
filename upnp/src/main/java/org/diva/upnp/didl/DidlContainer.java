package org.diva.upnp.didl;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A container.
 *
 * @param childCount how many children it has, if counted
 * @param searchable whether Search below it is supported
 */
public record DidlContainer(String id, String parentId, String title, String upnpClass, OptionalLong childCount,
                            boolean searchable) implements DidlObject {
    public DidlContainer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(upnpClass, "upnpClass");
        Objects.requireNonNull(childCount, "childCount");
        if (!upnpClass.startsWith("object.container")) {
            throw new IllegalArgumentException("not a container class: " + upnpClass);
        }
    }
}
