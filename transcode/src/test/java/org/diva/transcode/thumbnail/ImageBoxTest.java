package org.diva.transcode.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fitting pictures into the DLNA boxes, one row per shape. */
class ImageBoxTest {
    @ParameterizedTest(name = "{0} {1}x{2} -> {3}x{4}")
    @CsvSource({
            "TN,  1920, 1080, 160,  90",
            "TN,  1080, 1920,  90, 160",
            "TN,   320,  240, 160, 120",
            "TN,    64,   64,  64,  64", // smaller than the box: never enlarged
            "TN,  4000,    3, 160,   1", // a sliver keeps at least one pixel
            "TN,   640,  360, 160,  90", // anamorphic 480x360 with 4:3 pixels arrives as 640x360
            "SM,  4000, 3000, 640, 480",
            "SM,  3000, 4000, 360, 480", // portrait in a landscape box
            "MED, 1920, 1080, 1024, 576",
            "LRG, 8000, 6000, 4096, 3072",
            "LRG, 4000, 3000, 4000, 3000",
    })
    void fitsKeepingTheAspect(String box, double width, double height, int expectedWidth, int expectedHeight) {
        ImageBox imageBox = switch (box) {
            case "TN" -> ImageBox.JPEG_TN;
            case "SM" -> ImageBox.JPEG_SM;
            case "MED" -> ImageBox.JPEG_MED;
            default -> ImageBox.JPEG_LRG;
        };
        assertEquals(new PixelSize(expectedWidth, expectedHeight), imageBox.fit(width, height));
    }

    @ParameterizedTest
    @CsvSource({"0, 10", "10, 0", "-1, 5", "NaN, 5"})
    void refusesPicturesWithoutSize(double width, double height) {
        assertThrows(IllegalArgumentException.class, () -> ImageBox.JPEG_TN.fit(width, height));
    }
}
