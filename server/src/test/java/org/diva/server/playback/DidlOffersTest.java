package org.diva.server.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.diva.server.catalogue.Catalogue;
import org.diva.server.catalogue.CatalogueView;
import org.diva.server.catalogue.Database;
import org.diva.server.catalogue.FileFacts;
import org.diva.server.catalogue.ProbeOutcome;
import org.diva.server.devices.ClientDevices;
import org.diva.server.devices.ClientSighting;
import org.diva.server.devices.UpnpDescription;
import org.diva.transcode.decision.Conversions;
import org.diva.transcode.decision.PlaybackDecision;
import org.diva.transcode.probe.MediaProber;
import org.diva.transcode.probe.StandardProbes;
import org.diva.transcode.profile.DeviceProfiles;
import org.diva.upnp.content.BrowseRequest;
import org.diva.upnp.content.ClientContext;
import org.diva.upnp.directory.DirectoryOptions;
import org.diva.upnp.directory.LibraryContentDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DIDL-Lite as different clients get it, over the real catalogue (H2, the probed fixture clip.mkv), the real
 * client records and the built-in profiles: each gets the {@code res} its decision allows, the playable first.
 */
class DidlOffersTest {
    private static final Path FIXTURES = Path.of("src/test/resources/library").toAbsolutePath();
    private static final String BASE = "http://192.168.1.20:8300";

    @TempDir
    Path data;
    private Database db;
    private ClientDevices devices;
    private LibraryContentDirectory cds;
    private long mkv;

    @BeforeEach
    void catalogue() throws Exception {
        db = Database.open(data);
        Catalogue catalogue = new Catalogue(db.dataSource(), Clock.systemUTC());
        MediaProber prober = StandardProbes.create();
        Path file = FIXTURES.resolve("clip.mkv");
        catalogue.record(List.of(ProbeOutcome.ok(new FileFacts(FIXTURES, file, "",
                org.diva.transcode.probe.MediaKind.VIDEO, Files.size(file), 0, "clip.en.srt"), prober.probe(file))));
        mkv = catalogue.query(new org.diva.server.catalogue.ItemQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 10)).items().get(0).id();
        devices = new ClientDevices(db.dataSource(), Clock.systemUTC());
        ClientProfiles profiles = new ClientProfiles(devices, DeviceProfiles.builtIn());
        Playback playback = new Playback(catalogue, new PlaybackDecision(Conversions.diva()));
        cds = new LibraryContentDirectory(new CatalogueView(db.dataSource(), catalogue, List.of(FIXTURES)),
                DirectoryOptions.defaults(), new ProfileStreamOffers(profiles, playback, true));
    }

    @AfterEach
    void close() throws Exception {
        devices.close();
        db.close();
    }

    @Test
    void aSamsungGetsTheMatroskaFileAloneAnnouncedTheWayItWantsIt() throws Exception {
        List<String[]> res = res(client("192.168.1.40", "SEC_HHP_[TV] Samsung Q60 Series (55)/1.0 DLNADOC/1.50"));
        assertEquals(BASE + "/media/" + mkv, res.get(0)[0]);
        assertTrue(res.get(0)[1].startsWith("http-get:*:video/x-mkv:DLNA.ORG_OP=01;DLNA.ORG_CI=0;"), res.get(0)[1]);
        assertTrue(res.stream().noneMatch(r -> r[0].contains("/stream")));
    }

    @Test
    void aTvPinnedToSdTvGetsTheTranscodedStreamFirstAndTheFileAfter() throws Exception {
        ClientContext box = client("192.168.1.50", "Old box/1.0");
        devices.seen(new ClientSighting("192.168.1.50", "Old box/1.0", Optional.empty()));
        long id = devices.list().get(0).id();
        assertTrue(devices.pin(id, Optional.of("sd-tv")));
        List<String[]> res = res(box);
        assertEquals(BASE + "/media/" + mkv + "/stream?profile=sd-tv", res.get(0)[0]);
        assertEquals("http-get:*:video/mpeg:DLNA.ORG_PN=AVC_TS_MP_SD_AAC_MULT5_ISO;DLNA.ORG_OP=00;DLNA.ORG_CI=1;"
                + "DLNA.ORG_FLAGS=01700000000000000000000000000000", res.get(0)[1], "sd-tv asks for no time seek");
        assertEquals("320x240", res.get(0)[2]);
        assertEquals(BASE + "/media/" + mkv, res.get(1)[0]);
    }

    @Test
    void anUnknownClientGetsAPlainDlnaTvsRemuxWithTimeSeek() throws Exception {
        List<String[]> res = res(client("192.168.1.60", null));
        assertEquals(BASE + "/media/" + mkv + "/stream?profile=generic-dlna", res.get(0)[0]);
        // H.264 High with AAC in MPEG-TS has no DLNA profile name, so none is claimed
        assertEquals("http-get:*:video/mp2t:DLNA.ORG_OP=10;DLNA.ORG_CI=1;"
                + "DLNA.ORG_FLAGS=01700000000000000000000000000000", res.get(0)[1]);
        assertEquals(BASE + "/media/" + mkv, res.get(1)[0]);
    }

    @Test
    void aTvKnownOnlyByItsUpnpDescriptionIsRecognisedFromIt() throws Exception {
        devices.described(new UpnpDescription("192.168.1.70", "uuid:lg", "urn:schemas-upnp-org:device:MediaRenderer:1",
                Optional.of("[LG] webOS TV"), Optional.of("LG Electronics."), Optional.of("LG TV"), Optional.empty()));
        List<String[]> res = res(client("192.168.1.70", "Linux/4.4 UPnP/1.0 DLNADOC/1.50"));
        assertEquals(BASE + "/media/" + mkv, res.get(0)[0], "LG TVs play Matroska");
        assertTrue(res.stream().noneMatch(r -> r[0].contains("/stream")));
    }

    private static ClientContext client(String address, String userAgent) throws Exception {
        return new ClientContext(InetAddress.getByName(address), BASE, Optional.ofNullable(userAgent),
                Optional.empty());
    }

    /** Each {@code res} as url, protocolInfo, resolution, in document order. */
    private List<String[]> res(ClientContext client) throws Exception {
        String didl = cds.browse(new BrowseRequest("item/" + mkv, true, "*", 0, 0, "", client)).didl();
        List<String[]> res = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("<res ([^>]*)>([^<]*)</res>").matcher(didl);
        while (m.find()) {
            res.add(new String[] {m.group(2).replace("&amp;", "&"), attribute(m.group(1), "protocolInfo"),
                attribute(m.group(1), "resolution")});
        }
        return res;
    }

    private static String attribute(String attributes, String name) {
        var m = java.util.regex.Pattern.compile(name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : "";
    }
}
