package org.diva.upnp.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.upnp.didl.DidlResource;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.library.MediaKind;
import org.diva.upnp.library.PhotoFacts;

/**
 * The smaller copies of a photo a renderer may fetch instead of the original: one {@code res} per DLNA JPEG profile
 * (DLNA guidelines, Media Format Profiles, section 7.1) the photo is too big for, each scaled by the server to fit
 * the profile's box ({@code {base}/api/v1/items/{id}/thumbnail/{profile}}). A TV showing a 12-megapixel photo on a
 * 1080p screen then fetches JPEG_MED's few hundred KB, not the camera's 5 MB, and decodes it in a fraction of the
 * time. The sizes announced are those the server makes: aspect kept, rounded, as transcode's ImageBox fits them.
 */
final class ScaledPhotos {
    /** The boxes, as the server's ImageBox constants (upnp does not depend on transcode). */
    private record Box(String profile, int maxWidth, int maxHeight) {
    }

    private static final List<Box> BOXES = List.of(new Box("JPEG_SM", 640, 480), new Box("JPEG_MED", 1024, 768),
            new Box("JPEG_LRG", 4096, 4096));
    private static final String FLAGS = ";DLNA.ORG_OP=01;DLNA.ORG_CI=1;DLNA.ORG_FLAGS=00D00000000000000000000000000000";

    private ScaledPhotos() {
    }

    /** The scaled copies of a JPEG or PNG photo of known size, smallest first; none for other items. */
    static List<DidlResource> of(MediaItem item, String baseUrl) {
        List<DidlResource> resources = new ArrayList<>();
        Optional<PhotoFacts> photo = item.photo().filter(p -> p.width() > 0 && p.height() > 0);
        if (item.kind() != MediaKind.PHOTO || photo.isEmpty() || !ItemMapper.hasThumbnail(item)) {
            return resources;
        }
        // EXIF orientations 5..8 turn the picture a quarter: the box fits what is shown, not what is stored.
        boolean turned = photo.get().orientation() >= 5;
        int width = turned ? photo.get().height() : photo.get().width();
        int height = turned ? photo.get().width() : photo.get().height();
        String base = baseUrl + "/api/v1/items/" + item.id() + "/thumbnail/";
        for (Box box : BOXES) {
            if (width <= box.maxWidth() && height <= box.maxHeight()) {
                break; // the original fits: it is its own copy at this size and above
            }
            double scale = Math.min((double) box.maxWidth() / width, (double) box.maxHeight() / height);
            long w = Math.min(box.maxWidth(), Math.max(1, Math.round(width * scale)));
            long h = Math.min(box.maxHeight(), Math.max(1, Math.round(height * scale)));
            resources.add(new DidlResource(base + box.profile() + "?v=" + item.version(),
                    "http-get:*:image/jpeg:DLNA.ORG_PN=" + box.profile() + FLAGS, OptionalLong.empty(),
                    OptionalLong.empty(), OptionalLong.empty(), Optional.of(w + "x" + h), OptionalInt.empty(),
                    OptionalInt.empty()));
        }
        return resources;
    }
}
