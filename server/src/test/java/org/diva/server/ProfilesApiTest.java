package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device profiles and the play decision end to end on a real server: the profile list (with a household's own
 * files, one of them broken), decisions per profile and per asking device, and pinning a profile to a device.
 */
class ProfilesApiTest {
    private static final String SAMSUNG = "SEC_HHP_[TV] Samsung Q60 Series (55)/1.0 DLNADOC/1.50";
    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";

    @TempDir
    static Path tmp;
    private static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        Path profiles = Files.createDirectories(tmp.resolve("data").resolve("profiles"));
        Files.writeString(profiles.resolve("broken.yaml"), "id: broken\nplays: {containers: [mp4], video: 7}\n");
        Files.writeString(profiles.resolve("kitchen.yaml"), """
                id: kitchen-tv
                name: Kitchen TV
                plays:
                  containers: [mpegts]
                  video: [{codec: h264, profiles: [Main], maxWidth: 640, maxHeight: 480}]
                  audio: [{codec: mp2}]
                """);
        s = TestServer.start(media, tmp.resolve("data"));
    }

    @AfterAll
    static void stop() throws Exception {
        s.close();
    }

    @Test
    void profilesListTheBuiltInsTheHouseholdsOwnAndWhatWasWrongWithItsFiles() throws Exception {
        JsonNode answer = s.getJson("/api/v1/profiles");
        List<String> ids = new ArrayList<>();
        answer.get("profiles").forEach(p -> ids.add(p.get("id").asText()));
        assertTrue(ids.containsAll(List.of("generic-dlna", "samsung-tv", "sd-tv", "browser", "lg-tv", "kodi",
                "kitchen-tv")), ids.toString());
        assertFalse(ids.contains("broken"));
        JsonNode sd = find(answer.get("profiles"), "sd-tv");
        assertEquals("built-in", sd.get("source").asText());
        assertEquals(10_000_000, sd.get("plays").get("maxBitrate").asLong());
        assertEquals("kitchen.yaml", find(answer.get("profiles"), "kitchen-tv").get("source").asText());
        assertEquals("SEC_HHP_", find(answer.get("profiles"), "samsung-tv").get("recognise").get("userAgent").get(0)
                .asText());
        String problem = answer.get("problems").get(0).asText();
        assertTrue(problem.contains("broken.yaml") && problem.contains("plays.video"), problem);
    }

    @Test
    void theDecisionDependsOnTheProfileAndNamesTheUrlThatServesIt() throws Exception {
        long mkv = s.itemByFileName("clip.mkv").get("id").asLong();
        JsonNode samsung = s.getJson("/api/v1/items/" + mkv + "/playback?profile=samsung-tv");
        assertEquals("direct", samsung.get("mode").asText(), samsung.toString());
        assertEquals("/media/" + mkv, samsung.get("url").asText());
        assertEquals("matroska", samsung.get("target").get("container").asText());
        assertEquals("external", samsung.get("target").get("subtitles").asText(), "clip.en.srt lies beside it");

        JsonNode generic = s.getJson("/api/v1/items/" + mkv + "/playback?profile=generic-dlna");
        assertEquals("remux", generic.get("mode").asText(), generic.toString());
        assertEquals("/media/" + mkv + "/stream?profile=generic-dlna", generic.get("url").asText());

        JsonNode sd = s.getJson("/api/v1/items/" + mkv + "/playback?profile=sd-tv");
        assertEquals("transcode", sd.get("mode").asText(), sd.toString());
        assertEquals("/media/" + mkv + "/stream?profile=sd-tv", sd.get("url").asText());
        JsonNode video = sd.get("target").get("video");
        assertEquals("h264", video.get("codec").asText());
        assertEquals("Main", video.get("profile").asText());
        assertEquals(320, video.get("width").asInt());
        assertEquals(240, video.get("height").asInt());
        assertTrue(sd.get("reasons").get(0).asText().contains("Standard-definition DLNA TV"), sd.toString());
        assertEquals("requested", sd.get("profile").get("how").asText());

        JsonNode kitchen = s.getJson("/api/v1/items/" + mkv + "/playback?profile=kitchen-tv");
        assertEquals("mp2", kitchen.get("target").get("audio").get("codec").asText(), kitchen.toString());
    }

    @Test
    void whatCannotBeConvertedIsUnsupportedWithTheReasonAndNoUrl() throws Exception {
        long flac = s.itemByFileName("quiet.flac").get("id").asLong();
        JsonNode sd = s.getJson("/api/v1/items/" + flac + "/playback?profile=sd-tv");
        assertEquals("unsupported", sd.get("mode").asText());
        assertFalse(sd.has("url"));
        assertFalse(sd.has("target"));
        assertTrue(sd.get("reasons").toString().contains("FLAC"), sd.toString());
        long photo = s.itemByFileName("photo.jpg").get("id").asLong();
        assertEquals("direct", s.getJson("/api/v1/items/" + photo + "/playback?profile=sd-tv").get("mode").asText());
    }

    @Test
    void unknownProfilesAndItemsAre404sInJson() throws Exception {
        long mkv = s.itemByFileName("clip.mkv").get("id").asLong();
        HttpResponse<byte[]> noProfile = s.get("/api/v1/items/" + mkv + "/playback?profile=toaster");
        assertEquals(404, noProfile.statusCode());
        assertTrue(s.json(noProfile.body()).get("error").get("message").asText().contains("toaster"));
        assertEquals(404, s.get("/api/v1/items/999999/playback").statusCode());
        assertEquals(404, s.get("/api/v1/items/abc/playback?profile=sd-tv").statusCode());
        assertTrue(s.json(s.get("/api/v1/items/999999/playback").body()).has("error"));
    }

    @Test
    void withoutAProfileTheAskingDeviceIsRecognisedAndAPinOverridesIt() throws Exception {
        long mkv = s.itemByFileName("clip.mkv").get("id").asLong();
        String path = "/api/v1/items/" + mkv + "/playback";
        JsonNode asSamsung = s.json(s.get(path, "User-Agent", SAMSUNG).body());
        assertEquals("samsung-tv", asSamsung.get("profile").get("id").asText(), asSamsung.toString());
        assertEquals("recognised", asSamsung.get("profile").get("how").asText());
        assertEquals("direct", asSamsung.get("mode").asText());
        JsonNode asChrome = s.json(s.get(path, "User-Agent", CHROME).body());
        assertEquals("browser", asChrome.get("profile").get("id").asText(), asChrome.toString());

        long samsung = device(SAMSUNG).get("id").asLong();
        assertEquals("samsung-tv", device(SAMSUNG).get("profile").get("id").asText());
        HttpResponse<byte[]> pinned = s.send("PUT", "/api/v1/devices/" + samsung + "/profile",
                "{\"profile\": \"sd-tv\"}");
        assertEquals(200, pinned.statusCode(), new String(pinned.body()));
        assertEquals("sd-tv", s.json(pinned.body()).get("pinnedProfile").asText());
        assertEquals("pinned", device(SAMSUNG).get("profile").get("how").asText());
        JsonNode nowSd = s.json(s.get(path, "User-Agent", SAMSUNG).body());
        assertEquals("sd-tv", nowSd.get("profile").get("id").asText(), nowSd.toString());
        assertEquals("pinned", nowSd.get("profile").get("how").asText());
        assertEquals("transcode", nowSd.get("mode").asText());

        assertEquals(200, s.send("DELETE", "/api/v1/devices/" + samsung + "/profile", null).statusCode());
        assertFalse(device(SAMSUNG).has("pinnedProfile"));
        assertEquals("samsung-tv", s.json(s.get(path, "User-Agent", SAMSUNG).body()).get("profile").get("id")
                .asText());
    }

    @Test
    void aFileGoesWithTheMimeTypeTheAskingDevicesDidlAnnouncedIt() throws Exception {
        long mkv = s.itemByFileName("clip.mkv").get("id").asLong();
        HttpResponse<byte[]> samsung = s.get("/media/" + mkv, "User-Agent", SAMSUNG + " media");
        assertEquals(200, samsung.statusCode());
        assertEquals("video/x-mkv", samsung.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<byte[]> chrome = s.get("/media/" + mkv, "User-Agent", CHROME);
        assertEquals("video/x-matroska", chrome.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(samsung.body().length, chrome.body().length);
    }

    @Test
    void pinningRefusesUnknownProfilesDevicesAndBadBodies() throws Exception {
        s.get("/api/v1/status", "User-Agent", "Pin test/1.0");
        long id = device("Pin test/1.0").get("id").asLong();
        assertEquals(404, s.send("PUT", "/api/v1/devices/" + id + "/profile", "{\"profile\": \"toaster\"}")
                .statusCode());
        assertEquals(404, s.send("PUT", "/api/v1/devices/999999/profile", "{\"profile\": \"sd-tv\"}").statusCode());
        assertEquals(400, s.send("PUT", "/api/v1/devices/" + id + "/profile", "{\"profile\": 3}").statusCode());
        assertEquals(400, s.send("PUT", "/api/v1/devices/" + id + "/profile", "not json").statusCode());
        assertFalse(device("Pin test/1.0").has("pinnedProfile"));
    }

    private static JsonNode device(String userAgent) throws Exception {
        for (JsonNode d : s.getJson("/api/v1/devices").get("devices")) {
            if (d.get("userAgent").asText().equals(userAgent)) {
                return d;
            }
        }
        throw new AssertionError("no device " + userAgent);
    }

    private static JsonNode find(JsonNode profiles, String id) {
        for (JsonNode p : profiles) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no profile " + id);
    }
}
