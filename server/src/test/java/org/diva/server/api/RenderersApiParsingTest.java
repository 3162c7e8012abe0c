package org.diva.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.diva.upnp.render.RendererException;
import org.diva.upnp.render.RendererException.Reason;
import org.diva.web.json.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the renderer commands accept in their bodies, and the status each failure becomes. */
class RenderersApiParsingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode field(String body, String name) throws Exception {
        return JSON.readTree(body).get(name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"{\"item\": 12}|12", "{\"item\": \"12\"}|12", "{\"item\": \" 7 \"}|7",
        "{\"item\": 0}|0"})
    void item_ids(String body, long expected) throws Exception {
        assertEquals(expected, RenderersApi.itemId(field(body, "item")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"item\": null}", "{\"item\": -1}", "{\"item\": 1.5}", "{\"item\": \"song\"}",
        "{\"item\": [1]}", "{\"item\": 123456789012345678901234}", "{\"item\": true}"})
    void bad_item_ids_are_400(String body) throws Exception {
        JsonNode item = field(body, "item");
        assertEquals(400, assertThrows(ApiException.class, () -> RenderersApi.itemId(item)).status());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"{\"position\": \"0:01:30\"}|90000", "{\"position\": 90}|90000",
        "{\"position\": 2.5}|2500", "{\"position\": \"90\"}|90000", "{\"position\": \"1:00:00.250\"}|3600250",
        "{\"position\": 0}|0"})
    void positions(String body, long millis) throws Exception {
        assertEquals(Duration.ofMillis(millis), RenderersApi.position(field(body, "position")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"position\": -1}", "{\"position\": \"1:30\"}", "{\"position\": \"soon\"}",
        "{\"position\": 1e300}", "{\"position\": {}}"})
    void bad_positions_are_400(String body) throws Exception {
        JsonNode position = field(body, "position");
        assertEquals(400, assertThrows(ApiException.class, () -> RenderersApi.position(position)).status());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"volume\": -1}", "{\"volume\": 101}", "{\"volume\": 50.5}", "{\"volume\": \"50\"}",
        "{}"})
    void bad_volumes_are_400(String body) throws Exception {
        JsonNode volume = field(body, "volume");
        assertEquals(400, assertThrows(ApiException.class, () -> RenderersApi.volume(volume)).status());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Reason.class)
    void every_failure_has_its_status(Reason reason) {
        int expected = switch (reason) {
            case UNKNOWN_RENDERER -> 404;
            case NOT_SUPPORTED, REFUSED -> 409;
            case UNREACHABLE -> 502;
        };
        assertEquals(expected, RenderersApi.status(new RendererException(reason, "x")));
    }
}
