package org.diva.upnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** UDNs as renderers choose them, and the ids DiVA's API gives them. */
class RendererIdsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "uuid:443c2650-06d3-4f30-9114-921fcd2efb85, 443c2650-06d3-4f30-9114-921fcd2efb85",
        "443c2650-06d3-4f30-9114-921fcd2efb85, 443c2650-06d3-4f30-9114-921fcd2efb85",
        "uuid:RINCON000E58A0B1C201400, RINCON000E58A0B1C201400",
        "uuid:5f9ec1b3-ed59-1900-4530-00A0DEAD0001, 5f9ec1b3-ed59-1900-4530-00A0DEAD0001"})
    void uuids_and_other_plain_udns_are_used_as_they_are(String udn, String id) {
        assertEquals(id, RendererIds.of(udn));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"uuid:../../etc/passwd", "uuid:a/b", "uuid:tv?x=1", "uuid:50%2F50", "uuid:living room",
        "uuid:", "uuid:-leading-dash", "uuid:..", "uuid:télé", "uuid:~0123456789abcdef0123456789abcdef",
        "uuid:0123456789012345678901234567890123456789012345678901234567890123456789"})
    void anything_unsafe_in_a_path_is_hashed(String udn) {
        String id = RendererIds.of(udn);
        assertTrue(id.matches("~[0-9a-f]{32}"), id);
        assertEquals(id, RendererIds.of(udn), "stable");
        assertEquals(id, URI.create("http://diva/api/v1/renderers/" + id).getPath().substring(18));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"uuid:a/b", "uuid:a%2Fb"})
    void different_udns_get_different_ids(String udn) {
        assertNotEquals(RendererIds.of(udn), RendererIds.of(udn + "c"));
        assertNotEquals(RendererIds.of(udn), RendererIds.of("uuid:ab"));
    }
}
