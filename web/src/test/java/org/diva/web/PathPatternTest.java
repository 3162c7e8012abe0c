package org.diva.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PathPattern#match} as a table. Paths come as Jetty's canonical path: UTF-8 and unreserved characters
 * decoded, reserved ones such as space still escaped; {@code %2F} and {@code %25} never get here (Jetty refuses them).
 */
class PathPatternTest {
    @ParameterizedTest(name = "[{index}] {0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # pattern                      | path                          | expected
            /                              | /                             | {}
            /api/v1/items                  | /api/v1/items                 | {}
            /api/v1/items                  | /api/v1/items/                | {}
            /api/v1/items                  | /api/v1/item                  | none
            /api/v1/items                  | /api/v1/items/7               | none
            /api/v1/items                  | /api/v1                       | none
            /api/v1/items                  | /API/v1/items                 | none
            /api/v1/items/{id}             | /api/v1/items/42              | {id=42}
            /api/v1/items/{id}             | /api/v1/items/42/             | {id=42}
            /api/v1/items/{id}             | /api/v1/items/                | none
            /api/v1/items/{id}             | /api/v1/items//               | none
            /api/v1/items/{id}             | /api/v1/items                 | none
            /api/v1/items/{id}             | /api/v1/items/42/extra        | none
            /api/v1/items/{id}             | /api/v1/items/café            | {id=café}
            /api/v1/items/{id}             | /api/v1/items/a%20b           | {id=a b}
            /api/v1/items/{id}             | /api/v1/items/a%3Fb%23c%3Bd   | {id=a?b#c;d}
            /api/v1/items/{id}             | /api/v1/items/caf%C3%A9       | {id=café}
            /api/v1/items/{id}             | /api/v1/items/a%2Fb           | {id=a/b}
            /api/v1/items/{id}             | /api/v1/items/100%            | none
            /api/v1/items/{id}             | /api/v1/items/%zz             | none
            /api/v1/items                  | /api/v1/it%65ms               | {}
            /a/{x}/b/{y}                   | /a/1/b/2                      | {x=1, y=2}
            /a/{x}/b/{y}                   | /a//b/2                       | none
            /a/{x}/b/{y}                   | /a/1/c/2                      | none
            """)
    void matches(String pattern, String path, String expected) {
        Optional<Map<String, String>> match = PathPattern.of(pattern).match(path);
        assertEquals(expected, match.map(params -> new TreeMap<>(params).toString()).orElse("none"));
    }

    @Test
    void patternMustBeAbsolute() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathPattern.of("api/v1"));
        assertEquals("pattern must start with /: api/v1", e.getMessage());
    }
}
