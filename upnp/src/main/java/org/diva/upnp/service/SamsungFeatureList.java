package org.diva.upnp.service;

import java.util.Objects;

/**
 * The answer to Samsung's X_GetFeatureList: which ContentDirectory containers hold videos, music and photos, so
 * Samsung TVs open those directly from their own menus (the BASICVIEW feature).
 */
public record SamsungFeatureList(String videoContainerId, String musicContainerId, String photoContainerId) {
    public SamsungFeatureList {
        Objects.requireNonNull(videoContainerId, "videoContainerId");
        Objects.requireNonNull(musicContainerId, "musicContainerId");
        Objects.requireNonNull(photoContainerId, "photoContainerId");
    }

    /** The Features document, as Samsung's AllShare/DLNA stack expects it. */
    public String xml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Features xmlns=\"urn:schemas-upnp-org:av:avs\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"urn:schemas-upnp-org:av:avs http://www.upnp.org/schemas/av/avs.xsd\">"
                + "<Feature name=\"samsung.com_BASICVIEW\" version=\"1\">"
                + container(musicContainerId, "object.item.audioItem")
                + container(videoContainerId, "object.item.videoItem")
                + container(photoContainerId, "object.item.imageItem")
                + "</Feature></Features>";
    }

    private static String container(String id, String type) {
        return "<container id=\"" + attribute(id) + "\" type=\"" + type + "\"/>";
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
