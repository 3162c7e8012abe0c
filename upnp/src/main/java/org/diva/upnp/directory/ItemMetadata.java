package org.diva.upnp.directory;

import java.util.List;
import org.diva.upnp.didl.DidlWriter;
import org.diva.upnp.didl.PropertyFilter;
import org.diva.upnp.library.MediaItem;

/**
 * One library item as a control point hands it to a renderer (play-to): the URL of the file and the DIDL-Lite
 * document for AVTransport's {@code CurrentURIMetaData}. Both are the ones a Browse of the item would give, so a
 * renderer shows the same title, art and captions whichever way the title reached it.
 */
public final class ItemMetadata {
    private ItemMetadata() {
    }

    /** {@code {baseUrl}/media/{id}}; {@code baseUrl} is DiVA's address as the renderer reaches it. */
    public static String mediaUrl(MediaItem item, String baseUrl) {
        return trim(baseUrl) + "/media/" + item.id();
    }

    /** A DIDL-Lite document with the item alone, every property included. */
    public static String didl(MediaItem item, String baseUrl) {
        return DidlWriter.write(List.of(ItemMapper.toDidl(item, LibraryContentDirectory.folderOf(item),
                trim(baseUrl))), PropertyFilter.all());
    }

    private static String trim(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
