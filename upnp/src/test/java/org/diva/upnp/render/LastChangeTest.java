package org.diva.upnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** LastChange documents as renderers send them, one row each, and documents that attack the parser. */
class LastChangeTest {
    private static final String AVT = "urn:schemas-upnp-org:metadata-1-0/AVT/";
    private static final String RCS = "urn:schemas-upnp-org:metadata-1-0/RCS/";

    @TempDir
    static Path tmp;

    static String event(String namespace, String body) {
        return "<?xml version=\"1.0\"?><Event xmlns=\"" + namespace + "\"><InstanceID val=\"0\">" + body
                + "</InstanceID></Event>";
    }

    static Stream<Arguments> readable() {
        return Stream.of(
                // gmediarender (libupnp): explicit end tags, a newline between elements
                Arguments.of("gmediarender playing", event(AVT, "\n<TransportState val=\"PLAYING\"></TransportState>"
                        + "\n<CurrentTransportActions val=\"PAUSE,STOP,SEEK\"></CurrentTransportActions>\n"),
                        "TransportState", null, "PLAYING"),
                Arguments.of("empty elements", event(AVT, "<TransportState val=\"PAUSED_PLAYBACK\"/>"),
                        "TransportState", null, "PAUSED_PLAYBACK"),
                Arguments.of("escaped DIDL inside a value", event(AVT, "<CurrentTrackMetaData val=\"&lt;DIDL-Lite "
                        + "xmlns=&quot;urn:schemas-upnp-org:metadata-1-0/DIDL-Lite/&quot;&gt;&lt;/DIDL-Lite&gt;\"/>"),
                        "CurrentTrackMetaData", null,
                        "<DIDL-Lite xmlns=\"urn:schemas-upnp-org:metadata-1-0/DIDL-Lite/\"></DIDL-Lite>"),
                Arguments.of("volume per channel", event(RCS, "<Volume channel=\"LF\" val=\"3\"/>"
                        + "<Volume channel=\"Master\" val=\"42\"/>"), "Volume", "Master", "42"),
                Arguments.of("channel matched ignoring case", event(RCS, "<Mute channel=\"MASTER\" val=\"1\"/>"),
                        "Mute", "Master", "1"),
                Arguments.of("no namespace at all (some TVs)", "<Event><InstanceID val=\"0\"><TransportState "
                        + "val=\"STOPPED\"/></InstanceID></Event>", "TransportState", null, "STOPPED"),
                Arguments.of("RCS namespace on an AVT event", event(RCS, "<TransportState val=\"STOPPED\"/>"),
                        "TransportState", null, "STOPPED"),
                Arguments.of("prefixed elements", "<e:Event xmlns:e=\"" + AVT + "\"><e:InstanceID val=\"0\">"
                        + "<e:AVTransportURI val=\"http://a/b?c=1&amp;d=2\"/></e:InstanceID></e:Event>",
                        "AVTransportURI", null, "http://a/b?c=1&d=2"),
                Arguments.of("the newest of two values wins", event(AVT, "<TransportState val=\"TRANSITIONING\"/>"
                        + "<TransportState val=\"PLAYING\"/>"), "TransportState", null, "PLAYING"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readable")
    void reads(String name, String xml, String variable, String channel, String expected) throws Exception {
        LastChange change = LastChange.parse(xml);
        Optional<String> value = channel == null ? change.value(0, variable) : change.value(0, variable, channel);
        assertEquals(Optional.of(expected), value);
    }

    @Test
    void instances_are_kept_apart_and_elements_without_val_skipped() throws Exception {
        LastChange change = LastChange.parse("<Event xmlns=\"" + AVT + "\"><InstanceID val=\"0\"><TransportState "
                + "val=\"STOPPED\"/><Junk>text</Junk></InstanceID><InstanceID val=\"1\"><TransportState "
                + "val=\"PLAYING\"/></InstanceID></Event>");
        assertEquals(Optional.of("STOPPED"), change.value(0, "TransportState"));
        assertEquals(Optional.of("PLAYING"), change.value(1, "TransportState"));
        assertEquals(2, change.changes().size());
        assertFalse(change.value(0, "Junk").isPresent());
    }

    static Stream<Arguments> refused() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "the household's secret");
        String entity = "<!ENTITY x SYSTEM \"" + secret.toUri() + "\">";
        StringBuilder laughs = new StringBuilder("<!DOCTYPE Event [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]>");
        return Stream.of(
                Arguments.of("external entity (XXE)", "<?xml version=\"1.0\"?><!DOCTYPE Event [" + entity + "]>"
                        + event(AVT, "<TransportState val=\"&x;\"/>").substring(21), "DOCTYPE"),
                Arguments.of("external DTD", "<!DOCTYPE Event SYSTEM \"http://127.0.0.1:9/evil.dtd\">"
                        + "<Event/>", "DOCTYPE"),
                Arguments.of("parameter entity", "<!DOCTYPE Event [<!ENTITY % p SYSTEM "
                        + "\"http://127.0.0.1:9/evil.dtd\"> %p;]><Event/>", "DOCTYPE"),
                Arguments.of("billion laughs", laughs + "<Event><InstanceID val=\"0\"><TransportState "
                        + "val=\"&l9;\"/></InstanceID></Event>", "DOCTYPE"),
                Arguments.of("not XML", "PLAYING", "not acceptable XML"),
                Arguments.of("cut short", event(AVT, "<TransportState val=\"PLAYING\"/>").substring(0, 80),
                        "not acceptable XML"),
                Arguments.of("another root", "<propertyset/>", "not <Event>"),
                Arguments.of("instance id not a number", "<Event><InstanceID val=\"zero\"><TransportState "
                        + "val=\"PLAYING\"/></InstanceID></Event>", "is not a number"),
                Arguments.of("huge", event(AVT, "<CurrentTrackMetaData val=\"" + "x".repeat(LastChange.MAX_CHARS)
                        + "\"/>"), "characters"),
                Arguments.of("too many changes", event(AVT, "<A val=\"1\"/>".repeat(LastChange.MAX_CHANGES + 1)),
                        "more than " + LastChange.MAX_CHANGES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String name, String xml, String reason) {
        InvalidLastChangeException e = assertThrows(InvalidLastChangeException.class, () -> LastChange.parse(xml));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "the secret file never reaches the message");
    }
}
