package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.diva.upnp.lab.EvilRenderer;
import org.diva.upnp.lab.NetnsLab;
import org.diva.upnp.lab.RawHttp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renderer that attacks DiVA as a control point: descriptions that are huge or carry XXE are never listed, and
 * events with XXE or entity bombs in their LastChange, unreadable or oversized ones, change nothing but the
 * renderer's last error; DiVA keeps following the renderer's honest events afterwards.
 */
class HostileRendererOnLabTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AVT = "urn:schemas-upnp-org:metadata-1-0/AVT/";

    @TempDir
    Path tmp;

    @Test
    void hostile_descriptions_and_events_are_refused_and_diva_carries_on() throws Exception {
        String why = NetnsLab.unavailableBecause();
        Assumptions.assumeTrue(why.isEmpty(), "UPnP network tests skipped: " + why);
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "the household's secret");
        try (NetnsLab lab = NetnsLab.create();
             TestServer s = TestServer.start(media, tmp.resolve("data"), "--upnp", "on", "--interface",
                     lab.deviceInterface());
             EvilRenderer evil = new EvilRenderer(lab, "Evil TV", secret)) {
            evil.announce("/r/huge-desc.xml");
            evil.announce("/r/xxe-desc.xml");
            evil.announce("/r/desc.xml");
            String path = "/api/v1/renderers/" + evil.uuid();
            await(s, "/api/v1/renderers", list -> list.get("renderers").size() > 0, evil);
            assertNotNull(evil.awaitSubscriber(WAIT.toMillis()), "DiVA subscribes to AVTransport: "
                    + evil.requested());
            await(s, path, r -> r.get("evented").asBoolean(), evil);

            assertEquals(200, evil.notify(event("PLAYING")).status());
            await(s, path, r -> state(r).equals("PLAYING"), evil);

            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Event [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                    + "<Event xmlns=\"" + AVT + "\"><InstanceID val=\"0\"><TransportState val=\"&x;\"/>"
                    + "</InstanceID></Event>";
            evil.notify(xxe);
            await(s, path, r -> r.path("lastError").asText().contains("DOCTYPE"), evil);
            StringBuilder laughs = new StringBuilder("<!DOCTYPE Event [<!ENTITY l0 \"lol\">");
            for (int i = 1; i <= 9; i++) {
                laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10))
                        .append("\">");
            }
            evil.notify(laughs + "]><Event><InstanceID val=\"0\"><TransportState val=\"&l9;\"/></InstanceID>"
                    + "</Event>");
            evil.notifyRaw("<e:propertyset xmlns:e=\"urn:schemas-upnp-org:event-1-0\"><e:property><LastChange>");
            RawHttp.Answer huge = evil.notifyRaw("<e:propertyset xmlns:e=\"urn:schemas-upnp-org:event-1-0\">"
                    + "<e:property><LastChange>" + "x".repeat(1024 * 1024) + "</LastChange></e:property>"
                    + "</e:propertyset>");
            assertEquals(413, huge.status(), "an event larger than DiVA reads");
            evil.notify(event("PLAYING").replace("val=\"0\"", "val=\"zero\""));

            JsonNode after = s.getJson(path);
            assertEquals("PLAYING", state(after), "no hostile event changed the state: " + after);
            assertFalse(after.toString().contains("secret"), after.toString());
            assertEquals(200, evil.notify(event("PAUSED_PLAYBACK")).status());
            await(s, path, r -> state(r).equals("PAUSED_PLAYBACK"), evil);

            assertTrue(evil.requested().contains("GET /r/huge-desc.xml"), evil.requested().toString());
            assertTrue(evil.requested().contains("GET /r/xxe-desc.xml"), evil.requested().toString());
            JsonNode list = s.getJson("/api/v1/renderers").get("renderers");
            assertEquals(1, list.size(), "only the well-formed renderer is listed: " + list);
            assertFalse(list.toString().contains(EvilRenderer.uuidOf("/r/xxe-desc.xml")));
            assertEquals(200, s.get("/api/v1/status").statusCode(), "DiVA still answers");
        }
    }

    private static String event(String transportState) {
        return "<Event xmlns=\"" + AVT + "\"><InstanceID val=\"0\"><TransportState val=\"" + transportState
                + "\"/></InstanceID></Event>";
    }

    private static String state(JsonNode renderer) {
        return renderer.get("state").get("transportState").asText();
    }

    private static JsonNode await(TestServer s, String path, Predicate<JsonNode> condition, EvilRenderer evil)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = s.getJsonAnyStatus(path);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " did not get there within " + WAIT + "; last: " + last
                + "; the evil renderer was asked for " + evil.requested());
    }
}
