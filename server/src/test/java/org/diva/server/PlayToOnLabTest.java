package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.diva.upnp.lab.Gmediarender;
import org.diva.upnp.lab.NetnsLab;
import org.diva.upnp.render.RelTime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Play-to against a real renderer: Debian's gmediarender runs in a network namespace, DiVA (announcing only on
 * the lab's veth) finds it, lists it, plays catalogued titles on it and follows its state through its GENA
 * LastChange events; the renderer fetches the media from DiVA over the veth.
 */
class PlayToOnLabTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NAME = "Lab Living Room";

    @TempDir
    Path tmp;

    @Test
    void diva_finds_gmediarender_plays_titles_on_it_and_follows_its_state() throws Exception {
        String why = NetnsLab.unavailableBecause() + Gmediarender.unavailableBecause();
        Assumptions.assumeTrue(why.isEmpty(), "play-to lab test skipped: " + why);
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        writeTone(media.resolve("long tone.wav"), 40);
        try (NetnsLab lab = NetnsLab.create();
             Gmediarender tv = Gmediarender.start(lab, NAME, tmp.resolve("gmediarender.log"));
             TestServer s = TestServer.start(media, tmp.resolve("data"), "--upnp", "on", "--interface",
                     lab.deviceInterface())) {
            String id = tv.uuid().toString();
            String path = "/api/v1/renderers/" + id;
            JsonNode found = awaitJson(s, "/api/v1/renderers", list -> has(list.get("renderers"), id), tv);
            JsonNode renderer = s.getJson(path);
            assertEquals(NAME, renderer.get("friendlyName").asText(), renderer.toString());
            assertEquals("gmediarender", renderer.get("modelName").asText());
            assertEquals(lab.peerAddress().getHostAddress(), renderer.get("address").asText());
            assertEquals(lab.deviceAddress().getHostAddress(), renderer.get("localAddress").asText());
            assertTrue(renderer.get("online").asBoolean(), found.toString());
            awaitJson(s, path, r -> r.get("evented").asBoolean(), tv);

            long song = s.itemByFileName("song.mp3").get("id").asLong();
            s.postJson(path + "/play", "{\"item\": " + song + "}");
            String songUrl = "http://" + lab.deviceAddress().getHostAddress() + ":" + s.server.port() + "/media/" + song;
            awaitJson(s, path, r -> songUrl.equals(r.get("state").path("currentUri").asText()), tv);
            JsonNode fetcher = awaitJson(s, "/api/v1/devices", d -> gstreamerOf(d, lab) != null, tv);
            JsonNode device = gstreamerOf(fetcher, lab);
            assertEquals(NAME, device.path("upnp").path("friendlyName").asText(),
                    "the renderer's requests carry its UPnP name: " + device);

            long tone = s.itemByFileName("long tone.wav").get("id").asLong();
            s.postJson(path + "/play", "{\"item\": \"" + tone + "\"}");
            awaitJson(s, path, r -> state(r).equals("PLAYING") && r.get("state").path("currentUri").asText()
                    .endsWith("/media/" + tone), tv);
            JsonNode playing = awaitJson(s, path, r -> r.get("state").has("position"), tv);
            assertTrue(RelTime.parse(playing.get("state").get("position").asText()).isPresent(), playing.toString());

            s.postJson(path + "/pause", "{}");
            awaitJson(s, path, r -> state(r).equals("PAUSED_PLAYBACK"), tv);

            s.postJson(path + "/seek", "{\"position\": \"0:00:20\"}");
            s.postJson(path + "/resume", "");
            awaitJson(s, path, r -> state(r).equals("PLAYING") && seconds(r) >= 20, tv);

            JsonNode loud = s.postJson(path + "/volume", "{\"volume\": 30}");
            assertEquals(30, loud.get("state").get("volume").asInt(), loud.toString());
            assertEquals(30, s.getJson(path + "/volume").get("state").get("volume").asInt());

            s.postJson(path + "/stop", "");
            awaitJson(s, path, r -> state(r).equals("STOPPED"), tv);

            HttpResponse<byte[]> refused = s.post(path + "/pause", "");
            assertEquals(409, refused.statusCode(), () -> "pausing a stopped renderer: " + body(refused));
            // gmediarender answers 501 "Transition to PAUSE not allowed; allowed=PLAY,SEEK" (UPnP AV says 701)
            assertTrue(body(refused).contains("refused Pause: UPnP error 501 Transition to PAUSE not allowed"),
                    body(refused));
            assertTrue(s.getJson(path).get("lastError").asText().contains("refused Pause"));

            assertEquals(404, s.post("/api/v1/renderers/nobody/stop", "").statusCode());
            assertEquals(404, s.post(path + "/play", "{\"item\": 999999}").statusCode());
            assertEquals(400, s.post(path + "/play", "{\"item\": \"the song\"}").statusCode());
            assertEquals(400, s.post(path + "/volume", "{\"volume\": 101}").statusCode());
            assertTrue(tv.isAlive(), tv.log());

            tv.close();
            HttpResponse<byte[]> gone = s.post(path + "/stop", "");
            assertEquals(502, gone.statusCode(), () -> "a renderer that was switched off: " + body(gone));
        }
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean has(JsonNode renderers, String id) {
        for (JsonNode r : renderers) {
            if (r.get("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static String state(JsonNode renderer) {
        return renderer.get("state").get("transportState").asText();
    }

    private static long seconds(JsonNode renderer) {
        return RelTime.parse(renderer.get("state").path("position").asText()).map(Duration::toSeconds).orElse(-1L);
    }

    /** The client at the renderer's address that fetched media: GStreamer's HTTP source, not libupnp's events. */
    private static JsonNode gstreamerOf(JsonNode devices, NetnsLab lab) {
        for (JsonNode d : devices.get("devices")) {
            if (d.get("address").asText().equals(lab.peerAddress().getHostAddress())
                    && d.get("userAgent").asText().contains("GStreamer")) {
                return d;
            }
        }
        return null;
    }

    /** Polls a JSON resource until it satisfies the condition (the renderer's events are asynchronous). */
    private static JsonNode awaitJson(TestServer s, String path, Predicate<JsonNode> condition, Gmediarender tv)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = s.getJson(path);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " did not get there within " + WAIT + "; last: " + last
                + "\ngmediarender's log:\n" + tv.log());
    }

    /** A 440 Hz tone as 16-bit mono PCM at 8 kHz in a RIFF/WAVE file: long enough to pause and seek in. */
    static void writeTone(Path file, int seconds) throws IOException {
        int rate = 8000;
        int samples = rate * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + 2 * samples).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(2 * rate).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        Files.write(file, wav.array());
    }
}
