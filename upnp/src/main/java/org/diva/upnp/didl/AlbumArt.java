package org.diva.upnp.didl;

import java.util.Objects;

/** {@code upnp:albumArtURI} with its {@code dlna:profileID} (JPEG_TN for a thumbnail of at most 160x160). */
public record AlbumArt(String url, String profileId) {
    public AlbumArt {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(profileId, "profileId");
    }
}
