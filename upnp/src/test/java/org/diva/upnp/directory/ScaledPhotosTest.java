package org.diva.upnp.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.diva.upnp.didl.DidlResource;
import org.diva.upnp.library.ItemBuilder;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.library.VideoStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which scaled copies of a photo are offered, at which sizes: one row per shape of photo. */
class ScaledPhotosTest {
    private static final String BASE = "http://10.0.0.2:8300";

    @ParameterizedTest(name = "{0}x{1} orientation {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "4000 | 3000 | 1 | JPEG_SM 640x480, JPEG_MED 1024x768",          // a camera's 12 MP: fits JPEG_LRG as is
            "3000 | 4000 | 1 | JPEG_SM 360x480, JPEG_MED 576x768",           // portrait as stored
            "3000 | 4000 | 6 | JPEG_SM 640x480, JPEG_MED 1024x768",          // stored upright, shown turned: landscape
            "6000 | 4500 | 1 | JPEG_SM 640x480, JPEG_MED 1024x768, JPEG_LRG 4096x3072",
            "800  | 600  | 1 | JPEG_SM 640x480",
            "1024 | 768  | 1 | JPEG_SM 640x480",                             // exactly JPEG_MED: the original serves
            "640  | 480  | 1 | ''",
            "100  | 2000 | 1 | JPEG_SM 24x480, JPEG_MED 38x768",             // a panorama strip keeps its shape
    })
    void offersEachProfileThePhotoIsTooBigFor(int width, int height, int orientation, String expected) {
        MediaItem photo = ItemBuilder.photo(5, "Photo").version(3).taken("2024-07-14T10:00:00", width, height,
                orientation).build();
        List<DidlResource> copies = ScaledPhotos.of(photo, BASE);
        String actual = String.join(", ", copies.stream().map(r -> profile(r) + " " + r.resolution().orElseThrow())
                .toList());
        assertEquals(expected, actual);
        for (DidlResource copy : copies) {
            assertEquals(BASE + "/api/v1/items/5/thumbnail/" + profile(copy) + "?v=3", copy.url());
            assertEquals("http-get:*:image/jpeg:DLNA.ORG_PN=" + profile(copy) + ";DLNA.ORG_OP=01;DLNA.ORG_CI=1;"
                    + "DLNA.ORG_FLAGS=00D00000000000000000000000000000", copy.protocolInfo());
        }
    }

    @Test
    void theCopiesFollowTheOriginalAndTheThumbnailInTheItem() {
        MediaItem photo = ItemBuilder.photo(5, "Photo").taken("2024-07-14T10:00:00", 4000, 3000, 1).build();
        List<String> profiles = ItemMapper.toDidl(photo, "0", BASE).resources().stream().map(this::profile).toList();
        assertEquals(List.of("JPEG_LRG", "JPEG_TN", "JPEG_SM", "JPEG_MED"), profiles);
    }

    @Test
    void videosGetNoScaledCopies() {
        MediaItem video = ItemBuilder.video(6, "Film").video(new VideoStream("h264", java.util.Optional.empty(),
                java.util.Optional.empty(), 1920, 1080, java.util.OptionalDouble.empty())).build();
        assertEquals(List.of(), ScaledPhotos.of(video, BASE));
    }

    private String profile(DidlResource resource) {
        String info = resource.protocolInfo();
        int at = info.indexOf("DLNA.ORG_PN=");
        return at < 0 ? "none" : info.substring(at + 12, info.indexOf(';', at));
    }
}
