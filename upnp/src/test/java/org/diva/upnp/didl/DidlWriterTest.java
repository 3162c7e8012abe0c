package org.diva.upnp.didl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class DidlWriterTest {
    private static final String VIDEO_INFO = "http-get:*:video/mp4:DLNA.ORG_OP=01;DLNA.ORG_CI=0;"
            + "DLNA.ORG_FLAGS=01700000000000000000000000000000";

    private static DidlItem item(String title) {
        DidlResource media = new DidlResource("http://10.0.0.2:8300/media/7", VIDEO_INFO, OptionalLong.of(1234),
                OptionalLong.of(3_723_004), OptionalLong.of(250_000), Optional.of("1920x1080"), OptionalInt.of(48000),
                OptionalInt.of(6));
        DidlResource srt = DidlResource.of("http://10.0.0.2:8300/media/7/subtitles/0", "http-get:*:text/srt:*");
        return new DidlItem("item/7", "video/all", title, "object.item.videoItem", Optional.of("2024-05-01"),
                Optional.of("Director & Co"), Optional.of("Album"), Optional.of("Drama"), OptionalInt.of(3),
                Optional.of(new AlbumArt("http://10.0.0.2:8300/api/v1/items/7/artwork", "JPEG_TN")),
                List.of(media, srt), List.of(new Caption("http://10.0.0.2:8300/media/7/subtitles/0", "srt")));
    }

    private static DidlContainer container(String id, String title) {
        return new DidlContainer(id, "0", title, "object.container.storageFolder", OptionalLong.of(12), true);
    }

    /** Each row: a title as tagged, how it must appear inside the DIDL text, and what a client reads back. */
    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Tom & Jerry                | Tom &amp; Jerry                | Tom & Jerry",
        "<script>alert(1)</script>  | &lt;script&gt;alert(1)&lt;/script&gt; | <script>alert(1)</script>",
        "Say \"hi\"                 | Say \"hi\"                     | Say \"hi\"",
        "Rock 'n' Roll              | Rock 'n' Roll                  | Rock 'n' Roll",
        "Amélie — 東京 🎬            | Amélie — 東京 🎬                | Amélie — 東京 🎬",
        "]]> end of CDATA           | ]]&gt; end of CDATA            | ]]> end of CDATA",
        "&amp; already escaped      | &amp;amp; already escaped      | &amp; already escaped",
        "R&amp;D &#38; &lt;         | R&amp;amp;D &amp;#38; &amp;lt; | R&amp;D &#38; &lt;",
    })
    void escapesTitlesOnce(String title, String inDidl, String readBack) {
        String didl = DidlWriter.write(List.of(item(title.strip())), PropertyFilter.all());
        assertTrue(didl.contains("<dc:title>" + inDidl.strip() + "</dc:title>"), didl);
        Element parsed = DidlDocuments.objects(DidlDocuments.parse(didl)).get(0);
        assertEquals(readBack.strip(), DidlDocuments.text(parsed, DidlDocuments.DC, "title"));
    }

    @ParameterizedTest(name = "[{1}]")
    @CsvSource(delimiter = '|', value = {
        "A\u0000B\u0001C\u001FD     | ABCD",
        "bell\u0007 and escape\u001B | bell and escape",
        "lone \uD800 high            | lone  high",
        "lone \uDC00 low             | lone  low",
        "not chars \uFFFE\uFFFF!     | not chars !",
        "tab\tkept                   | tab\tkept",
        "DEL\u007F and NEL\u0085 are XML 1.0 | DEL\u007F and NEL\u0085 are XML 1.0",
        "emoji 😀 pair kept          | emoji 😀 pair kept",
    })
    void dropsWhatXml10CannotCarry(String title, String readBack) {
        String didl = DidlWriter.write(List.of(item(title.strip())), PropertyFilter.all());
        Element parsed = DidlDocuments.objects(DidlDocuments.parse(didl)).get(0);
        assertEquals(readBack.strip(), DidlDocuments.text(parsed, DidlDocuments.DC, "title"));
    }

    @Test
    void keepsLineBreaksInTextAsWritten() {
        String didl = DidlWriter.write(List.of(item("one\r\ntwo\rthree")), PropertyFilter.all());
        assertTrue(didl.contains("one&#13;\ntwo&#13;three"), didl);
        Element parsed = DidlDocuments.objects(DidlDocuments.parse(didl)).get(0);
        assertEquals("one\r\ntwo\rthree", DidlDocuments.text(parsed, DidlDocuments.DC, "title"));
    }

    @Test
    void escapesAttributeValues() {
        String id = "odd\"id<&>\tx";
        String didl = DidlWriter.write(List.of(container(id, "t")), PropertyFilter.all());
        assertTrue(didl.contains("id=\"odd&quot;id&lt;&amp;&gt;&#9;x\""), didl);
        Element parsed = DidlDocuments.objects(DidlDocuments.parse(didl)).get(0);
        assertEquals(id, parsed.getAttribute("id"));
    }

    @Test
    void declaresEveryNamespaceItUses() {
        Document doc = DidlDocuments.parse(DidlWriter.write(List.of(item("t"), container("c", "C")),
                PropertyFilter.all()));
        assertEquals(DidlDocuments.DIDL, doc.getDocumentElement().getNamespaceURI());
        assertEquals("DIDL-Lite", doc.getDocumentElement().getLocalName());
        Element item = DidlDocuments.objects(doc).get(0);
        assertEquals(DidlDocuments.DIDL, item.getNamespaceURI());
        assertEquals("object.item.videoItem", DidlDocuments.text(item, DidlDocuments.UPNP, "class"));
        assertEquals("Director & Co", DidlDocuments.text(item, DidlDocuments.DC, "creator"));
        Element art = (Element) item.getElementsByTagNameNS(DidlDocuments.UPNP, "albumArtURI").item(0);
        assertEquals("JPEG_TN", art.getAttributeNS(DidlDocuments.DLNA, "profileID"));
        Element caption = (Element) item.getElementsByTagNameNS(DidlDocuments.SEC, "CaptionInfoEx").item(0);
        assertEquals("srt", caption.getAttributeNS(DidlDocuments.SEC, "type"));
        assertEquals(DidlDocuments.DIDL, DidlDocuments.objects(doc).get(1).getNamespaceURI());
    }

    @Test
    void writesEverythingForAStar() {
        String didl = DidlWriter.write(List.of(item("Film")), PropertyFilter.parse("*"));
        assertEquals(DidlWriter.OPEN + "<item id=\"item/7\" parentID=\"video/all\" restricted=\"1\">"
                + "<dc:title>Film</dc:title><upnp:class>object.item.videoItem</upnp:class>"
                + "<dc:date>2024-05-01</dc:date><dc:creator>Director &amp; Co</dc:creator>"
                + "<upnp:artist>Director &amp; Co</upnp:artist><upnp:album>Album</upnp:album>"
                + "<upnp:genre>Drama</upnp:genre><upnp:originalTrackNumber>3</upnp:originalTrackNumber>"
                + "<upnp:albumArtURI dlna:profileID=\"JPEG_TN\">http://10.0.0.2:8300/api/v1/items/7/artwork"
                + "</upnp:albumArtURI>"
                + "<res protocolInfo=\"" + VIDEO_INFO + "\" size=\"1234\" duration=\"1:02:03.004\""
                + " bitrate=\"250000\" resolution=\"1920x1080\" sampleFrequency=\"48000\" nrAudioChannels=\"6\">"
                + "http://10.0.0.2:8300/media/7</res>"
                + "<res protocolInfo=\"http-get:*:text/srt:*\">http://10.0.0.2:8300/media/7/subtitles/0</res>"
                + "<sec:CaptionInfoEx sec:type=\"srt\">http://10.0.0.2:8300/media/7/subtitles/0</sec:CaptionInfoEx>"
                + "</item>" + DidlWriter.CLOSE, didl);
    }

    @Test
    void writesOnlyRequiredPropertiesForAnEmptyFilter() {
        String didl = DidlWriter.write(List.of(item("Film"), container("c", "C")), PropertyFilter.parse(""));
        assertEquals(DidlWriter.OPEN + "<item id=\"item/7\" parentID=\"video/all\" restricted=\"1\">"
                + "<dc:title>Film</dc:title><upnp:class>object.item.videoItem</upnp:class></item>"
                + "<container id=\"c\" parentID=\"0\" restricted=\"1\"><dc:title>C</dc:title>"
                + "<upnp:class>object.container.storageFolder</upnp:class></container>" + DidlWriter.CLOSE, didl);
    }

    @Test
    void namingAnAttributeBringsItsElementWithProtocolInfo() {
        String didl = DidlWriter.write(List.of(item("Film")), PropertyFilter.parse("dc:title, res@duration"));
        assertTrue(didl.contains("<res protocolInfo=\"" + VIDEO_INFO + "\" duration=\"1:02:03.004\">"), didl);
        assertFalse(didl.contains("size="), didl);
        assertFalse(didl.contains("dc:date"), didl);
        assertFalse(didl.contains("CaptionInfoEx"), didl);
    }

    @Test
    void honoursSamsungStyleFilters() {
        String didl = DidlWriter.write(List.of(item("Film"), container("c", "C")), PropertyFilter.parse(
                "dc:title,upnp:class,upnp:albumArtURI,res,res@size,res@duration,sec:CaptionInfoEx,"
                        + "@childCount,dc:date"));
        Document doc = DidlDocuments.parse(didl);
        Element item = DidlDocuments.objects(doc).get(0);
        assertEquals("2024-05-01", DidlDocuments.text(item, DidlDocuments.DC, "date"));
        assertNull(DidlDocuments.text(item, DidlDocuments.UPNP, "genre"));
        assertEquals(1, item.getElementsByTagNameNS(DidlDocuments.SEC, "CaptionInfoEx").getLength());
        assertEquals(1, item.getElementsByTagNameNS(DidlDocuments.UPNP, "albumArtURI").getLength());
        Element res = (Element) item.getElementsByTagNameNS(DidlDocuments.DIDL, "res").item(0);
        assertEquals("1234", res.getAttribute("size"));
        assertEquals("", res.getAttribute("bitrate"));
        Element container = DidlDocuments.objects(doc).get(1);
        assertEquals("12", container.getAttribute("childCount"));
        assertEquals("", container.getAttribute("searchable"));
    }

    @Test
    void filterNamesIgnoreCase() {
        PropertyFilter filter = PropertyFilter.parse("DC:DATE,Res@Size,CONTAINER@CHILDCOUNT");
        assertTrue(filter.element("dc:date"));
        assertTrue(filter.element("res"));
        assertTrue(filter.attribute("res", "size"));
        assertTrue(filter.attribute("container", "childCount"));
        assertFalse(filter.attribute("res", "duration"));
        assertFalse(filter.element("upnp:genre"));
    }

    @ParameterizedTest
    @CsvSource({
        "0,          0:00:00.000",
        "1500,       0:00:01.500",
        "59999,      0:00:59.999",
        "3723004,    1:02:03.004",
        "360000000,  100:00:00.000",
    })
    void writesDurationsAsUpnpDoes(long millis, String expected) {
        assertEquals(expected, DidlWriter.duration(millis));
    }

    @Test
    void writesAnEmptyDocument() {
        String didl = DidlWriter.write(List.of(), PropertyFilter.all());
        assertEquals(0, DidlDocuments.objects(DidlDocuments.parse(didl)).size());
    }
}
