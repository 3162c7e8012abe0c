package org.diva.upnp.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.diva.upnp.content.ContentDirectoryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectIdsTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "ABBA                 | ABBA",
        "''                   | ~",
        "~                    | %7E",
        "AC/DC                | AC%2FDC",
        "Back in Black        | Back%20in%20Black",
        "Sigur Rós            | Sigur%20R%C3%B3s",
        "東京                  | %E6%9D%B1%E4%BA%AC",
        "50% & more           | 50%25%20%26%20more",
        "..                   | ..",
        "a-b_c.d              | a-b_c.d",
        "🎬                    | %F0%9F%8E%AC",
    })
    void encodesNamesAsOneSafeSegment(String name, String segment) throws ContentDirectoryException {
        assertEquals(segment, ObjectIds.encode(name));
        assertEquals(name, ObjectIds.decode(segment));
    }

    @Test
    void roundTripsAnyText() throws ContentDirectoryException {
        Random random = new Random(42);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(12);
            while (name.length() < length) {
                int c = random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(0x2FFFF);
                if (Character.isValidCodePoint(c) && !(c >= 0xD800 && c <= 0xDFFF)) {
                    name.appendCodePoint(c);
                }
            }
            String segment = ObjectIds.encode(name.toString());
            assertTrue(segment.matches("~|[A-Za-z0-9._%-]+"), segment);
            assertEquals(name.toString(), ObjectIds.decode(segment));
        }
    }

    @Test
    void buildsFolderIdsAndParents() {
        assertEquals("folders/r1", ObjectIds.folder("folders", "r1", ""));
        assertEquals("video/folders/r1/Films/Sci%20Fi", ObjectIds.folder("video/folders", "r1", "Films/Sci Fi"));
        assertEquals("music/artists", ObjectIds.parent("music/artists/ABBA"));
        assertEquals("0", ObjectIds.parent("video"));
    }
}
