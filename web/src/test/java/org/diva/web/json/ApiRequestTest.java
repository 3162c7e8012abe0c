package org.diva.web.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.eclipse.jetty.util.Fields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link JsonEndpoint.ApiRequest#intQuery}: {@code limit} from 1 to 100, default 20. */
class ApiRequestTest {
    @ParameterizedTest(name = "[{index}] limit={0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "ABSENT", textBlock = """
            ABSENT      | 20
            ''          | 20
            '   '       | 20
            1           | 1
            100         | 100
            42          | 42
            ' 7 '       | 7
            """)
    void acceptsValuesWithinBounds(String value, int expected) {
        assertEquals(expected, request(value).intQuery("limit", 20, 1, 100));
    }

    @ParameterizedTest(name = "[{index}] limit={0} -> 400")
    @CsvSource(delimiter = '|', textBlock = """
            0
            101
            -1
            ten
            1.5
            0x10
            99999999999
            """)
    void refusesOthersWithABadRequestNamingTheBounds(String value) {
        ApiException e = assertThrows(ApiException.class, () -> request(value).intQuery("limit", 20, 1, 100));
        assertEquals(400, e.status());
        assertEquals("query parameter 'limit' must be a whole number from 1 to 100, not '" + value + "'",
                e.getMessage());
    }

    private static JsonEndpoint.ApiRequest request(String limit) {
        Fields query = new Fields();
        if (limit != null) {
            query.add("limit", limit);
        }
        return new JsonEndpoint.ApiRequest(null, Map.of(), query);
    }
}
