package org.diva.transcode.probe.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lenient EXIF readers, one real-world spelling per row. */
class ExifTablesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2019:05:01 14:30:15|2019-05-01T14:30:15",
        "2019-05-01 14:30:15|2019-05-01T14:30:15", "2019:05:01T14:30:15+02:00|2019-05-01T14:30:15",
        "2019:05:01 14:30:15.250|2019-05-01T14:30:15", "0000:00:00 00:00:00|", "'    :  :     :  :  '|",
        "2019:05:01|"})
    void exifDateTime(String exif, String expected) {
        assertEquals(Optional.ofNullable(expected).map(LocalDateTime::parse), ExifFacts.dateTime(exif));
    }

    /** Transforms in the order they apply: R90/R180/R270 anticlockwise (HEIF irot), H left-right, V top-bottom. */
    @ParameterizedTest
    @CsvSource({"'',1", "H,2", "R180,3", "V,4", "H R90,5", "R270,6", "H R270,7", "R90,8", "R90 H,7",
        "V R90,7", "R90 R90 R90 R90,1", "H H,1", "V H,3"})
    void orientation(String transforms, int expected) {
        ExifOrientation orientation = new ExifOrientation();
        for (String t : transforms.split(" ")) {
            if (t.startsWith("R")) {
                orientation.rotateAnticlockwise(Integer.parseInt(t.substring(1)));
            } else if (!t.isEmpty()) {
                orientation.mirror(t.equals("H"));
            }
        }
        assertEquals(expected, orientation.exifOrientation());
    }
}
