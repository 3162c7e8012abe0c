package org.diva.upnp.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.upnp.content.BrowseRequest;
import org.diva.upnp.content.ClientContext;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.didl.DidlDocuments;
import org.diva.upnp.library.AudioStream;
import org.diva.upnp.library.ConvertedStream;
import org.diva.upnp.library.Offer;
import org.diva.upnp.library.StreamOffers;
import org.diva.upnp.library.VideoStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The {@code res} list follows what the server offers each client: an SD TV gets the H.264 SD transport stream
 * first and the file after it; a Samsung gets the file alone, announced with the MIME type it wants.
 */
class ConvertedOffersTest {
    private static final ClientContext SD_TV = new ClientContext(InetAddress.getLoopbackAddress(),
            "http://192.168.1.20:8300", Optional.of("Old SD box"), Optional.empty());
    private static final ClientContext SAMSUNG = Requests.TV;

    /** Plays the role of the server: a TS stream for the SD box, the file with Samsung's Matroska type otherwise. */
    private static final StreamOffers OFFERS = client -> item -> {
        if (client.userAgent().orElse("").contains("SD box")) {
            return new Offer(List.of(new ConvertedStream("/media/" + item.id() + "/stream?profile=sd-tv", "mpegts",
                    "video/mp2t", Optional.of(new VideoStream("h264", Optional.of("Main"), Optional.of("3.0"), 720,
                    404, OptionalDouble.of(25))), Optional.of(new AudioStream("aac", Optional.of("LC"),
                    OptionalInt.of(2), OptionalInt.of(48_000), Optional.empty())), OptionalLong.of(2_000_000),
                    true)), Optional.empty());
        }
        return new Offer(List.of(), item.file().container().equals("matroska") ? Optional.of("video/x-mkv")
                : Optional.empty());
    };

    private final ContentDirectory cds = new LibraryContentDirectory(Household.view(), DirectoryOptions.defaults(),
            OFFERS);

    @Test
    void anSdTvGetsTheConvertedStreamFirstThenTheFile() throws ContentDirectoryException {
        List<Element> res = resources("item/2", SD_TV);
        assertEquals("http://192.168.1.20:8300/media/2/stream?profile=sd-tv", res.get(0).getTextContent());
        assertEquals("http-get:*:video/mpeg:DLNA.ORG_PN=AVC_TS_MP_SD_AAC_MULT5_ISO;DLNA.ORG_OP=10;DLNA.ORG_CI=1;"
                + "DLNA.ORG_FLAGS=01700000000000000000000000000000", res.get(0).getAttribute("protocolInfo"));
        assertEquals("720x404", res.get(0).getAttribute("resolution"));
        assertEquals("250000", res.get(0).getAttribute("bitrate"), "bytes per second");
        assertEquals("", res.get(0).getAttribute("size"), "a stream being made has no size");
        assertEquals("1:00:00.000", res.get(0).getAttribute("duration"));
        assertEquals("http://192.168.1.20:8300/media/2", res.get(1).getTextContent());
        assertTrue(res.get(1).getAttribute("protocolInfo").startsWith("http-get:*:video/x-matroska:"));
    }

    @Test
    void aSamsungGetsTheFileAloneWithTheMimeTypeItWants() throws ContentDirectoryException {
        List<Element> res = resources("item/2", SAMSUNG);
        assertEquals("http://192.168.1.20:8300/media/2", res.get(0).getTextContent());
        assertEquals("http-get:*:video/x-mkv:DLNA.ORG_OP=01;DLNA.ORG_CI=0;"
                + "DLNA.ORG_FLAGS=01700000000000000000000000000000", res.get(0).getAttribute("protocolInfo"));
        assertTrue(res.stream().noneMatch(r -> r.getTextContent().contains("/stream")));
    }

    @Test
    void aDlnaProfileKeepsItsOwnMimeTypeWhateverTheQuirk() throws ContentDirectoryException {
        StreamOffers odd = client -> item -> new Offer(List.of(), Optional.of("video/x-odd"));
        ContentDirectory withQuirk = new LibraryContentDirectory(Household.view(), DirectoryOptions.defaults(), odd);
        Element res = resources(withQuirk, "item/3", SAMSUNG).get(0);
        assertTrue(res.getAttribute("protocolInfo").startsWith(
                "http-get:*:video/vnd.dlna.mpeg-tts:DLNA.ORG_PN=AVC_TS_HD_50_AC3_T;"), res.getAttribute("protocolInfo"));
    }

    @Test
    void listingsCarryTheOffersTooAndAskForTheClientOncePerRequest() throws ContentDirectoryException {
        int[] asked = {0};
        StreamOffers counting = client -> {
            asked[0]++;
            return OFFERS.forClient(client);
        };
        ContentDirectory counted = new LibraryContentDirectory(Household.view(), DirectoryOptions.defaults(),
                counting);
        var result = counted.browse(new BrowseRequest("video/folders/r1/Films/Cartoons", false, "*", 0, 0, "",
                SD_TV));
        assertEquals(1, asked[0]);
        assertTrue(result.didl().contains("/media/2/stream?profile=sd-tv"), result.didl());
    }

    private List<Element> resources(String id, ClientContext client) throws ContentDirectoryException {
        return resources(cds, id, client);
    }

    private static List<Element> resources(ContentDirectory cds, String id, ClientContext client)
            throws ContentDirectoryException {
        String didl = cds.browse(new BrowseRequest(id, true, "*", 0, 0, "", client)).didl();
        Element item = DidlDocuments.objects(DidlDocuments.parse(didl)).get(0);
        List<Element> res = new ArrayList<>();
        var nodes = item.getElementsByTagNameNS(DidlDocuments.DIDL, "res");
        for (int i = 0; i < nodes.getLength(); i++) {
            res.add((Element) nodes.item(i));
        }
        return res;
    }
}
