package org.diva.upnp.device;

import static org.diva.upnp.device.LabFixture.CDS;
import static org.diva.upnp.device.LabFixture.CMS;
import static org.diva.upnp.device.LabFixture.REGISTRAR;
import static org.diva.upnp.device.LabFixture.WAIT;
import static org.diva.upnp.device.LabFixture.browse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.diva.upnp.content.BrowseRequest;
import org.diva.upnp.content.ClientContext;
import org.diva.upnp.lab.LabDevice;
import org.diva.upnp.lab.LabDirectory;
import org.diva.upnp.lab.Wire;
import org.diva.upnp.service.Bookmark;
import org.diva.upnp.xml.SafeXml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * DiVA's MediaServer seen by a jUPnP control point (the "TV") in a network namespace: discovery by SSDP, the
 * description, icons, every action, faults, concurrency, eventing, byebye and restart. Nothing crosses a real
 * interface: the device is bound to the lab's veth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaServerOnLabTest {
    private LabFixture f;

    @BeforeAll
    void openLab() throws Exception {
        f = LabFixture.open();
    }

    @AfterAll
    void closeLab() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void tvDiscoversTheDeviceAndReadsItsDescription(@TempDir Path data) throws Exception {
        try (LabDevice diva = LabDevice.start(f.lab, data, new LabDirectory())) {
            String[] d = discover(diva);

            assertEquals("DiVA in the lab", Wire.decode(d[1]));
            assertEquals("DiVA", Wire.decode(d[2]));
            assertEquals("DiVA Media Server", Wire.decode(d[3]));
            assertEquals("SN-" + diva.uuid().substring(0, 8), Wire.decode(d[4]));
            assertEquals("DMS-1.50", Wire.decode(d[5]));
            assertEquals("http://" + f.lab.deviceAddress().getHostAddress() + ":" + diva.http().getPort()
                    + "/upnp/dev/" + diva.uuid() + "/desc", Wire.decode(d[6]));
            assertEquals(java.util.Set.of("urn:schemas-upnp-org:service:ContentDirectory:1",
                    "urn:schemas-upnp-org:service:ConnectionManager:1",
                    "urn:microsoft.com:service:X_MS_MediaReceiverRegistrar:1"),
                    java.util.Set.of(Wire.decode(d[8]).split(",")));
        }
    }

    /** Each icon the description lists is fetched by the TV and is an image of the listed type and size. */
    @Test
    void iconsAreServedAsListed(@TempDir Path data) throws Exception {
        try (LabDevice diva = LabDevice.start(f.lab, data, new LabDirectory())) {
            List<String> seen = new ArrayList<>();
            for (String icon : Wire.decode(discover(diva)[7]).split("\\|")) {
                String[] parts = icon.split(";");
                String[] http = f.tv.send("fetch", parts[3]);
                assertEquals("200", http[1], icon);
                assertEquals(parts[0], Wire.decode(http[2]));
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(Wire.bytes(http[3])));
                assertEquals(Integer.parseInt(parts[1]), image.getWidth(), icon);
                assertEquals(Integer.parseInt(parts[2]), image.getHeight(), icon);
                seen.add(parts[0] + " " + parts[1]);
            }
            assertEquals(List.of("image/png 48", "image/png 120", "image/jpeg 48", "image/jpeg 120"), seen);
        }
    }

    @Test
    void browseAnswersFromTheContentDirectory(@TempDir Path data) throws Exception {
        LabDirectory directory = new LabDirectory();
        directory.systemUpdateId.set(17);
        try (LabDevice diva = LabDevice.start(f.lab, data, directory)) {
            discover(diva);

            Map<String, String> out = f.invoke(diva.uuid(), CDS, "Browse", browse("0", "BrowseDirectChildren"));

            assertEquals(LabDirectory.ROOT_CHILDREN, out.get("Result"));
            assertEquals("1", out.get("NumberReturned"));
            assertEquals("1", out.get("TotalMatches"));
            assertEquals("17", out.get("UpdateID"));
            BrowseRequest request = directory.browses.poll(5, TimeUnit.SECONDS);
            assertEquals("0", request.objectId());
            assertFalse(request.metadata());
        }
    }

    @Test
    void contentDirectoryErrorsAreSoapFaultsWithTheirCodes(@TempDir Path data) throws Exception {
        try (LabDevice diva = LabDevice.start(f.lab, data, new LabDirectory())) {
            discover(diva);
            String uuid = diva.uuid();

            assertEquals(701, f.fault(uuid, CDS, "Browse", browse("missing", "BrowseMetadata")));
            assertEquals(402, f.fault(uuid, CDS, "Browse", browse("bad", "BrowseDirectChildren")));
            assertEquals(402, f.fault(uuid, CDS, "Browse", browse("0", "BrowseSideways")));
            assertEquals(710, f.fault(uuid, CDS, "Search", "ContainerID=elsewhere", "SearchCriteria=*",
                    "Filter=*", "StartingIndex=0", "RequestedCount=0", "SortCriteria="));
            String[] internal = f.tv.send(LabFixture.command("invoke", uuid, CDS, "Browse",
                    browse("boom", "BrowseMetadata")));
            assertEquals("501", internal[1]);
            assertFalse(Wire.decode(internal[2]).contains(LabDirectory.INTERNAL_DETAIL), "no internals leak");
        }
    }

    /** The directory learns who asked and which address of DiVA they reached, for URLs they can follow. */
    @Test
    void browseCarriesTheClientsContext(@TempDir Path data) throws Exception {
        LabDirectory directory = new LabDirectory();
        try (LabDevice diva = LabDevice.start(f.lab, data, directory)) {
            discover(diva);
            String[] args = browse("0", "BrowseMetadata");
            String[] withHeader = java.util.Arrays.copyOf(args, args.length + 1);
            withHeader[args.length] = "H:X-AV-Client-Info=av=5.0; cn=\"Samsung Electronics\"; mn=\"UE40\"";

            f.invoke(diva.uuid(), CDS, "Browse", withHeader);

            ClientContext client = directory.browses.poll(5, TimeUnit.SECONDS).client();
            assertEquals(f.lab.peerAddress(), client.remoteAddress());
            assertEquals("http://" + f.lab.deviceAddress().getHostAddress() + ":" + diva.http().getPort(),
                    client.baseUrl());
            assertEquals("av=5.0; cn=\"Samsung Electronics\"; mn=\"UE40\"", client.avClientInfo().orElseThrow());
            assertTrue(client.userAgent().orElseThrow().contains("UPnP/1.0"), client.userAgent().toString());
        }
    }

    /**
     * Two Browse calls that each wait until the other is inside: with jUPnP's per-service lock the second never
     * gets in, and the first gives up after 20 s. Both succeed, so calls run side by side.
     */
    @Test
    void browseCallsRunConcurrently(@TempDir Path data) throws Exception {
        LabDirectory directory = new LabDirectory();
        try (LabDevice diva = LabDevice.start(f.lab, data, directory)) {
            discover(diva);

            String[] reply = f.parallel(2, diva.uuid(), CDS, "Browse", browse("meet", "BrowseDirectChildren"));

            assertEquals("parallel 2 0", String.join(" ", List.of(reply).subList(0, 3)),
                    () -> Wire.decode(reply[3]));
            assertEquals(2, directory.mostConcurrentBrowses());
        }
    }

    @Test
    void theOtherContentDirectoryActionsAnswer(@TempDir Path data) throws Exception {
        LabDirectory directory = new LabDirectory();
        directory.systemUpdateId.set(5);
        try (LabDevice diva = LabDevice.start(f.lab, data, directory)) {
            discover(diva);
            String uuid = diva.uuid();

            assertEquals(Map.of("SearchCaps", "dc:title,upnp:class"), f.invoke(uuid, CDS, "GetSearchCapabilities"));
            assertEquals(Map.of("SortCaps", "dc:title"), f.invoke(uuid, CDS, "GetSortCapabilities"));
            assertEquals(Map.of("Id", "5"), f.invoke(uuid, CDS, "GetSystemUpdateID"));
            assertEquals("1", f.invoke(uuid, CDS, "Search", "ContainerID=0", "SearchCriteria=upnp:class = \"x\"",
                    "Filter=*", "StartingIndex=0", "RequestedCount=10", "SortCriteria=").get("TotalMatches"));
            assertEquals("upnp:class = \"x\"", directory.searches.poll(5, TimeUnit.SECONDS).criteria());
        }
    }

    @Test
    void samsungExtensionsAnswer(@TempDir Path data) throws Exception {
        try (LabDevice diva = LabDevice.start(f.lab, data, new LabDirectory())) {
            discover(diva);
            String uuid = diva.uuid();

            Document features = SafeXml.parse(f.invoke(uuid, CDS, "X_GetFeatureList").get("FeatureList"));
            f.invoke(uuid, CDS, "X_SetBookmark", "CategoryType=1", "RID=0", "ObjectID=video-42", "PosSecond=125");

            assertEquals("videos", ((org.w3c.dom.Element) features.getElementsByTagNameNS("*", "container")
                    .item(1)).getAttribute("id"));
            Bookmark bookmark = diva.bookmarks().get("video-42").orElseThrow();
            assertEquals(Duration.ofSeconds(125), bookmark.position());
            assertEquals(f.lab.peerAddress(), bookmark.client().remoteAddress());
        }
    }

    @Test
    void connectionManagerAndRegistrarAnswer(@TempDir Path data) throws Exception {
        try (LabDevice diva = LabDevice.start(f.lab, data, new LabDirectory())) {
            discover(diva);
            String uuid = diva.uuid();

            assertEquals(Map.of("Source", String.join(",", LabDevice.PROTOCOLS), "Sink", ""),
                    f.invoke(uuid, CMS, "GetProtocolInfo"));
            assertEquals(Map.of("ConnectionIDs", "0"), f.invoke(uuid, CMS, "GetCurrentConnectionIDs"));
            Map<String, String> info = f.invoke(uuid, CMS, "GetCurrentConnectionInfo", "ConnectionID=0");
            assertEquals("Output", info.get("Direction"));
            assertEquals("OK", info.get("Status"));
            assertEquals(706, f.fault(uuid, CMS, "GetCurrentConnectionInfo", "ConnectionID=3"));
            assertEquals(Map.of("Result", "1"), f.invoke(uuid, REGISTRAR, "IsAuthorized", "DeviceID="));
            assertEquals(Map.of("Result", "1"), f.invoke(uuid, REGISTRAR, "IsValidated", "DeviceID=xbox"));
            f.invoke(uuid, REGISTRAR, "RegisterDevice",
                    "RegistrationReqMsg=" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
        }
    }

    /**
     * A subscribed TV first gets the current SystemUpdateID, then one event per change; changes that come within
     * the event interval arrive together in one event carrying the last values.
     */
    @Test
    void subscribersAreToldOfLibraryChanges(@TempDir Path data) throws Exception {
        LabDirectory directory = new LabDirectory();
        directory.systemUpdateId.set(3);
        try (LabDevice diva = LabDevice.start(f.lab, data, directory)) {
            discover(diva);
            assertEquals("subscribed", f.tv.send("subscribe", diva.uuid(), CDS)[0]);
            Map<String, String> initial = event();
            assertEquals("3", initial.get("SystemUpdateID"));

            directory.systemUpdateId.set(42);
            diva.device().contentChanged(Map.of("1", 9L));
            Map<String, String> first = event();
            for (long id = 43; id <= 46; id++) {
                directory.systemUpdateId.set(id);
                diva.device().contentChanged(Map.of("1", id - 33, "videos,new", 1L));
            }
            Map<String, String> merged = event();

            assertEquals("42", first.get("SystemUpdateID"));
            assertEquals("1,9", first.get("ContainerUpdateIDs"));
            assertEquals("46", merged.get("SystemUpdateID"));
            assertTrue(merged.get("ContainerUpdateIDs").contains("1,13")
                    && merged.get("ContainerUpdateIDs").contains("videos\\,new,1"), merged.toString());
            assertEquals(Long.parseLong(first.get("seq")) + 1, Long.parseLong(merged.get("seq")),
                    "four changes, one event");
        }
    }

    @Test
    void stopSaysByebyeAndARestartKeepsTheUuid(@TempDir Path data) throws Exception {
        String uuid;
        try (LabDevice diva = LabDevice.start(f.lab, data, new LabDirectory())) {
            uuid = diva.uuid();
            discover(diva);
            diva.device().stop();

            assertEquals("gone", f.tv.send("await-gone", uuid, WAIT)[0], "the TV saw ssdp:byebye");
        }
        try (LabDevice again = LabDevice.start(f.lab, data, new LabDirectory())) {
            assertEquals(uuid, again.uuid());
            assertEquals("device", f.tv.send("await-device", uuid, WAIT)[0], "announced again on start");
        }
        LabFixture.assertNoUpnpThreadsLeft();
    }

    @Test
    void theDeviceReannouncesItselfEveryAliveInterval(@TempDir Path data) throws Exception {
        try (LabDevice diva = LabDevice.start(f.lab, data, new LabDirectory(),
                o -> o.withAliveInterval(Duration.ofSeconds(1)))) {
            discover(diva);

            String[] alives = f.tv.send("await-alives", diva.uuid(), "3", WAIT);

            assertEquals("alives", alives[0], String.join(" ", alives));
        }
    }

    private String[] discover(LabDevice diva) throws Exception {
        f.tv.send("search");
        String[] device = f.tv.send("await-device", diva.uuid(), WAIT);
        assertEquals("device", device[0], () -> "the TV did not find DiVA:\n" + f.tv.log());
        return device;
    }

    /** The next GENA event, as variable names to values plus "seq". */
    private Map<String, String> event() throws Exception {
        String[] reply = f.tv.send("next-event", CDS, WAIT);
        assertEquals("event", reply[0], () -> "no event:\n" + f.tv.log());
        Map<String, String> values = new java.util.HashMap<>(Map.of("seq", reply[1]));
        for (int i = 2; i < reply.length; i++) {
            int eq = reply[i].indexOf('=');
            values.put(reply[i].substring(0, eq), Wire.decode(reply[i].substring(eq + 1)));
        }
        return values;
    }
}
