package org.diva.transcode.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The eight EXIF orientations on a 3x2 picture whose pixels are numbered 1..6 row by row: each row is the picture
 * as shown, read row by row (Exif 2.32, tag 0x0112, figure of the eight cases).
 */
class OrientationTest {
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
            "1, 3, 2, 1 2 3 4 5 6",
            "2, 3, 2, 3 2 1 6 5 4",
            "3, 3, 2, 6 5 4 3 2 1",
            "4, 3, 2, 4 5 6 1 2 3",
            "5, 2, 3, 1 4 2 5 3 6",
            "6, 2, 3, 4 1 5 2 6 3", // a quarter turn clockwise: the bottom-left pixel comes to the top left
            "7, 2, 3, 6 3 5 2 4 1",
            "8, 2, 3, 3 6 2 5 1 4",
    })
    void showsTheStoredPictureAsTheTagSays(int orientation, int width, int height, String shown) {
        BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 6; i++) {
            stored.setRGB(i % 3, i / 3, i + 1);
        }
        BufferedImage result = Orientation.apply(stored, orientation);
        assertEquals(width + "x" + height, result.getWidth() + "x" + result.getHeight());
        StringBuilder read = new StringBuilder();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                read.append(read.length() == 0 ? "" : " ").append(result.getRGB(x, y) & 0xffffff);
            }
        }
        assertEquals(shown, read.toString());
    }
}
