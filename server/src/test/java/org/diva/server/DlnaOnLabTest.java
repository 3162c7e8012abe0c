package org.diva.server;

import static org.diva.upnp.device.LabFixture.CDS;
import static org.diva.upnp.device.LabFixture.browse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diva.upnp.device.LabFixture;
import org.diva.upnp.lab.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server seen from a TV in a network namespace: it finds DiVA by SSDP on the lab's veth (and nowhere
 * else), browses and searches the real catalogue, plays a title from the URL the DIDL gives, and is told when
 * the library changes.
 */
class DlnaOnLabTest {
    @TempDir
    Path tmp;

    @Test
    void a_tv_finds_diva_browses_the_library_plays_a_title_and_hears_of_changes() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        try (LabFixture f = LabFixture.open();
             TestServer s = TestServer.start(media, tmp.resolve("data"), "--upnp", "on", "--interface",
                     f.lab.deviceInterface())) {
            String uuid = Files.readString(tmp.resolve("data").resolve("upnp-device-uuid")).strip();
            assertEquals("Test DiVA", Wire.decode(f.discover(uuid)[1]));

            Map<String, String> videos = f.invoke(uuid, CDS, "Browse", browse("video/all", "BrowseDirectChildren"));
            assertEquals("2", videos.get("TotalMatches"), videos.toString());
            Matcher res = Pattern.compile("<res [^>]*>(http://[^<]+/media/(\\d+))</res>").matcher(videos.get("Result"));
            assertTrue(res.find(), videos.get("Result"));
            String base = "http://" + f.lab.deviceAddress().getHostAddress() + ":" + s.server.port() + "/";
            assertTrue(res.group(1).startsWith(base), "a URL the TV can reach: " + res.group(1));
            String[] played = f.tv.send("fetch", res.group(1));
            assertEquals("200", played[1]);
            String fileName = s.getJson("/api/v1/items/" + res.group(2)).get("fileName").asText();
            assertArrayEquals(Files.readAllBytes(media.resolve(fileName)), Wire.bytes(played[3]));

            Matcher art = Pattern.compile("<upnp:albumArtURI [^>]*>(http://[^<]+/thumbnail\\?v=\\d+)<")
                    .matcher(videos.get("Result"));
            assertTrue(art.find(), "the MP4's thumbnail is offered: " + videos.get("Result"));
            String[] thumbnail = f.tv.send("fetch", art.group(1));
            assertEquals("200", thumbnail[1]);
            assertEquals("image/jpeg", Wire.decode(thumbnail[2]));

            Map<String, String> music = f.invoke(uuid, CDS, "Search", "ContainerID=0",
                    "SearchCriteria=upnp:class derivedfrom \"object.item.audioItem\" and upnp:artist = \"the testers\"",
                    "Filter=*", "StartingIndex=0", "RequestedCount=0", "SortCriteria=+dc:title");
            assertEquals("2", music.get("TotalMatches"), music.toString());
            assertTrue(music.get("Result").contains("<dc:title>Song &amp; &lt;Dance&gt;</dc:title>"),
                    "escaped once inside the DIDL: " + music.get("Result"));

            assertEquals("subscribed", f.tv.send("subscribe", uuid, CDS)[0]);
            long before = Long.parseLong(f.event(CDS).get("SystemUpdateID"));
            Files.copy(media.resolve("clip.mp4"), media.resolve("new clip.mp4"));
            s.rescan();
            Map<String, String> change = f.event(CDS);
            long after = Long.parseLong(change.get("SystemUpdateID"));
            assertTrue(after > before, "SystemUpdateID " + before + " -> " + after);
            assertTrue(change.get("ContainerUpdateIDs").contains("video," + after), change.toString());
            assertEquals("3", f.invoke(uuid, CDS, "Browse", browse("video/all", "BrowseDirectChildren"))
                    .get("TotalMatches"));

            boolean tvRecorded = false;
            for (JsonNode device : s.getJson("/api/v1/devices").get("devices")) {
                tvRecorded |= device.get("address").asText().equals(f.lab.peerAddress().getHostAddress());
            }
            assertTrue(tvRecorded, "the TV's requests are attributed to it");
        }
    }

    @Test
    void a_tv_is_offered_a_big_photo_at_each_dlna_jpeg_size_and_fetches_one() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        java.awt.image.BufferedImage big = new java.awt.image.BufferedImage(1280, 960,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(big, "jpeg", media.resolve("big.jpg").toFile());
        try (LabFixture f = LabFixture.open();
             TestServer s = TestServer.start(media, tmp.resolve("data"), "--upnp", "on", "--interface",
                     f.lab.deviceInterface())) {
            String uuid = Files.readString(tmp.resolve("data").resolve("upnp-device-uuid")).strip();
            f.discover(uuid);
            Map<String, String> photos = f.invoke(uuid, CDS, "Search", "ContainerID=0",
                    "SearchCriteria=upnp:class derivedfrom \"object.item.imageItem\"", "Filter=*", "StartingIndex=0",
                    "RequestedCount=0", "SortCriteria=+dc:title");
            String didl = photos.get("Result");
            assertEquals(didl.indexOf("/thumbnail/JPEG_SM"), didl.lastIndexOf("/thumbnail/JPEG_SM"),
                    "only the big photo gets a scaled JPEG_SM copy (the 160x120 one is JPEG_SM itself): " + didl);
            assertTrue(!didl.contains("DLNA.ORG_PN=JPEG_LRG;DLNA.ORG_OP=01;DLNA.ORG_CI=1"),
                    "a photo within JPEG_LRG's box is its own JPEG_LRG: " + didl);
            Matcher sm = Pattern.compile("<res protocolInfo=\"http-get:\\*:image/jpeg:DLNA.ORG_PN=JPEG_SM;[^\"]*\" "
                    + "resolution=\"640x480\">(http://[^<]+/thumbnail/JPEG_SM\\?v=\\d+)</res>").matcher(didl);
            assertTrue(sm.find(), "the JPEG_SM copy is offered: " + didl);
            assertTrue(didl.contains("resolution=\"1024x768\">"), "and the JPEG_MED one: " + didl);
            String[] fetched = f.tv.send("fetch", sm.group(1));
            assertEquals("200", fetched[1]);
            assertEquals("image/jpeg", Wire.decode(fetched[2]));
            java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(
                    new java.io.ByteArrayInputStream(Wire.bytes(fetched[3])));
            assertEquals("640x480", picture.getWidth() + "x" + picture.getHeight());
        }
    }
}
