package org.diva.upnp.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jupnp.model.meta.Icon;

/** The icons TVs show next to DiVA's name: PNG and JPEG at DLNA's small (48 px) and large (120 px) sizes. */
final class DeviceIcons {
    private static final String FOLDER = "icons/";

    private DeviceIcons() {
    }

    /** Fresh icons for one device (jUPnP ties each icon to its device). */
    static Icon[] load() {
        return new Icon[] {
            icon("image/png", 48, "diva-48.png"),
            icon("image/png", 120, "diva-120.png"),
            icon("image/jpeg", 48, "diva-48.jpg"),
            icon("image/jpeg", 120, "diva-120.jpg")};
    }

    private static Icon icon(String mimeType, int size, String name) {
        try (InputStream in = DeviceIcons.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("icon " + FOLDER + name + " is missing from DiVA's jar");
            }
            return new Icon(mimeType, size, size, 24, name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read icon " + name, e);
        }
    }
}
