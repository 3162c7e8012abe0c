package org.diva.upnp.device;

import static org.diva.upnp.device.LabFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.diva.upnp.content.BrowseRequest;
import org.diva.upnp.lab.EvilDevice;
import org.diva.upnp.lab.LabDevice;
import org.diva.upnp.lab.LabDirectory;
import org.diva.upnp.lab.RawHttp;
import org.diva.upnp.lab.Wire;
import org.diva.upnp.transport.HttpLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests and devices that attack DiVA's UPnP side, on the lab network: XXE and entity expansion in SOAP, broken
 * SOAP, unknown actions, huge bodies, strangers from outside the home network; and a device whose descriptions
 * try XXE on the control point reading them. Nothing leaks, nothing blows up, every answer says what was wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientsOnLabTest {
    private LabFixture f;
    private LabDirectory directory;
    private LabDevice diva;
    private Path secret;
    private String secretText;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        f = LabFixture.open();
        secretText = "TOP-SECRET-" + UUID.randomUUID();
        secret = Files.writeString(tmp.resolve("secret.txt"), secretText);
        directory = new LabDirectory();
        diva = LabDevice.start(f.lab, Files.createDirectories(tmp.resolve("data")), directory);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (diva != null) {
                diva.close();
            }
        } finally {
            if (f != null) {
                f.close();
            }
        }
    }

    @Test
    void xxeInASoapRequestIsAFaultThatLeaksNothing() throws Exception {
        String doctype = "<!DOCTYPE s:Envelope [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>";

        RawHttp.Answer answer = soap("Browse", doctype, browseBody("&x;"));

        assertUpnpError(answer, 401);
        assertFalse(answer.body().contains(secretText), answer.body());
        assertTrue(directory.browses.stream().map(BrowseRequest::objectId).noneMatch(id -> id.contains(secretText)),
                "the directory never saw the file");
    }

    @Test
    void billionLaughsIsAQuickFault() throws Exception {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE s:Envelope [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        doctype.append("]>");

        RawHttp.Answer answer = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> soap("Browse", doctype.toString(), browseBody("&l9;")));

        assertUpnpError(answer, 401);
        assertFalse(answer.body().contains("lollol"));
    }

    @Test
    void malformedSoapIsInvalidAction401() throws Exception {
        assertUpnpError(soap("Browse", "", "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<s:Body><u:Browse"), 401);
        assertUpnpError(soap("Browse", "", "this is not XML"), 401);
        assertUpnpError(soap("Browse", "", "<Envelope><Body/></Envelope>"), 401);
    }

    @Test
    void unknownActionIsInvalidAction401() throws Exception {
        assertUpnpError(soap("Frobnicate", "", envelope("Frobnicate", "")), 401);
    }

    @Test
    void missingOrMistypedArgumentIsInvalidArgs402() throws Exception {
        assertUpnpError(soap("Browse", "", envelope("Browse", "<ObjectID>0</ObjectID>")), 402);
        assertUpnpError(soap("Browse", "", browseBody("0").replace("<StartingIndex>0<", "<StartingIndex>x<")),
                402);
    }

    @Test
    void bodyAnnouncedLargerThanTheLimitIs413WithoutReadingIt() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(diva.http(), "POST " + diva.controlPath("ContentDirectory")
                + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 104857600", new byte[0]);

        assertEquals(413, answer.status(), answer.toString());
    }

    @Test
    void streamedBodyLargerThanTheLimitIs413() throws Exception {
        RawHttp.Answer answer = RawHttp.streamChunked(diva.http(), "POST " + diva.controlPath("ContentDirectory")
                + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml", 8L * HttpLimits.DEFAULT_MAX_REQUEST_BYTES);

        assertEquals(413, answer.status(), answer.toString());
    }

    @Test
    void methodsThatAreNotUpnpAre405() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(diva.http(), "DELETE /upnp/dev/" + diva.uuid()
                + "/desc HTTP/1.1\r\nHost: x\r\nConnection: close", new byte[0]);

        assertEquals(405, answer.status());
        assertTrue(answer.headers().contains("Allow: GET, POST, SUBSCRIBE, UNSUBSCRIBE, NOTIFY"), answer.headers());
    }

    /** The HTTP port may be forwarded from the internet for the pool; UPnP still answers the home network only. */
    @Test
    void clientsFromOutsideTheHomeNetworkAre403() throws Exception {
        int subnet = f.lab.deviceAddress().getAddress()[2] & 0xff;
        InetAddress stranger = InetAddress.getByName("198.18." + subnet + ".7");
        f.lab.addPeerAddress(stranger);
        String desc = "/upnp/dev/" + diva.uuid() + "/desc";
        String host = f.lab.deviceAddress().getHostAddress();
        String port = Integer.toString(diva.http().getPort());

        assertEquals("403", f.tv.send("raw-get", stranger.getHostAddress(), host, port, desc)[1]);
        assertEquals("200", f.tv.send("raw-get", f.lab.peerAddress().getHostAddress(), host, port, desc)[1]);
    }

    @Test
    void xxeInADeviceDescriptionIsRejectedByTheControlPoint() throws Exception {
        try (EvilDevice evil = new EvilDevice(f.lab, secret)) {
            String[] xxe = f.tv.send("describe", evil.url("/evil/xxe-desc.xml"));
            String[] laughs = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> f.tv.send("describe", evil.url("/evil/laughs-desc.xml")));
            String[] clean = f.tv.send("describe", evil.url("/evil/desc.xml"));

            assertEquals("rejected", xxe[0]);
            assertFalse(Wire.decode(xxe[1]).contains(secretText), Wire.decode(xxe[1]));
            assertTrue(Wire.decode(xxe[1]).contains("DOCTYPE"), Wire.decode(xxe[1]));
            assertEquals("rejected", laughs[0]);
            assertEquals("described", clean[0], "the same control point reads clean descriptions");
        }
    }

    /** A device found by SSDP whose service description tries XXE: discovery fails, and says nothing secret. */
    @Test
    void xxeInAServiceDescriptionFailsDiscoveryWithoutLeaking() throws Exception {
        try (EvilDevice evil = new EvilDevice(f.lab, secret)) {
            evil.announce();

            String[] failed = f.tv.send("await-failed", evil.uuid(), WAIT);

            assertEquals("failed", failed[0], () -> "discovery of the evil device did not fail:\n" + f.tv.log());
            assertFalse(Wire.decode(failed[1]).contains(secretText), Wire.decode(failed[1]));
            assertTrue(evil.requested().contains("/evil/scpd.xml"), "the control point did read it: "
                    + evil.requested());
            assertFalse(f.tv.log().contains(secretText), "nor did its log");
        }
    }

    private RawHttp.Answer soap(String action, String doctype, String body) throws Exception {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + doctype + body)
                .getBytes(StandardCharsets.UTF_8);
        return RawHttp.exchange(diva.http(), "POST " + diva.controlPath("ContentDirectory") + " HTTP/1.1\r\n"
                + "Host: " + f.lab.deviceAddress().getHostAddress() + "\r\nContent-Type: text/xml; charset=\"utf-8\""
                + "\r\nSOAPACTION: \"urn:schemas-upnp-org:service:ContentDirectory:1#" + action + "\"\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close", bytes);
    }

    private static String browseBody(String objectId) {
        return envelope("Browse", "<ObjectID>" + objectId + "</ObjectID><BrowseFlag>BrowseMetadata</BrowseFlag>"
                + "<Filter>*</Filter><StartingIndex>0</StartingIndex><RequestedCount>0</RequestedCount>"
                + "<SortCriteria></SortCriteria>");
    }

    private static String envelope(String action, String arguments) {
        return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body><u:" + action
                + " xmlns:u=\"urn:schemas-upnp-org:service:ContentDirectory:1\">" + arguments + "</u:" + action
                + "></s:Body></s:Envelope>";
    }

    private static void assertUpnpError(RawHttp.Answer answer, int code) {
        assertEquals(500, answer.status(), answer.body());
        assertTrue(answer.body().contains("<errorCode>" + code + "</errorCode>"), answer.body());
    }
}
