package org.diva.upnp.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.jupnp.model.UnsupportedDataException;
import org.jupnp.model.action.ActionException;

/**
 * Every XML parser DiVA points at the network refuses hostile documents without reading the secret file, without
 * fetching anything and without expanding entities; and still reads the same documents without the DOCTYPE.
 */
class SafeXmlTest {
    @TempDir
    Path tmp;
    private Path secret;
    private String secretText;
    private ServerSocket canary;

    @BeforeEach
    void setUp() throws IOException {
        secretText = "TOP-SECRET-" + UUID.randomUUID();
        secret = Files.writeString(tmp.resolve("secret.txt"), secretText);
        canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void tearDown() throws IOException {
        canary.close();
    }

    static Stream<Arguments> attacks() {
        return Stream.of(Victim.values())
                .flatMap(victim -> Stream.of(HostileXml.values()).map(attack -> Arguments.of(victim, attack)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("attacks")
    void hostileDocumentIsRefusedWithoutLeakingOrFetching(Victim victim, HostileXml attack) throws IOException {
        String xml = victim.document(attack.doctype(secret, victim.root(), canary.getLocalPort()),
                attack.reference());

        Exception refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(Exception.class, () -> victim.read(xml)), "no entity expansion");

        String everything = stackTrace(refused);
        assertFalse(everything.contains(secretText), "the secret leaked into: " + everything);
        assertFalse(everything.contains("lollol"), "entities were expanded");
        assertNoConnectionTo(canary);
    }

    @ParameterizedTest
    @EnumSource(Victim.class)
    void sameDocumentWithoutDoctypeIsRead(Victim victim) throws Exception {
        assertEquals("hello & <welcome>", victim.read(victim.document("", "hello &amp; &lt;welcome&gt;")));
    }

    @Test
    void soapRequestWithDoctypeIsInvalidAction401() {
        String xml = Victim.SOAP_REQUEST.document(HostileXml.EXTERNAL_ENTITY.doctype(secret, "s:Envelope", 1),
                "&x;");

        UnsupportedDataException e = assertThrows(UnsupportedDataException.class,
                () -> Victim.SOAP_REQUEST.read(xml));

        ActionException cause = (ActionException) e.getCause();
        assertEquals(401, cause.getErrorCode());
        assertFalse(cause.getMessage().contains(secretText));
    }

    /** Why these classes exist: jUPnP 3.0.4's own SOAP processor pastes the file into the argument. */
    @Test
    void jupnpsOwnSoapProcessorReadsTheFile() throws Exception {
        String xml = Victim.SOAP_REQUEST.document(HostileXml.EXTERNAL_ENTITY.doctype(secret, "s:Envelope", 1),
                "&x;");

        assertEquals(secretText, Victim.readWithJupnpsOwnProcessor(xml));
    }

    private static String stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** A fetch would have left a connection waiting in the listener's backlog. */
    private static void assertNoConnectionTo(ServerSocket canary) throws IOException {
        canary.setSoTimeout(1);
        try (Socket fetched = canary.accept()) {
            throw new AssertionError("the parser connected to " + canary.getLocalSocketAddress() + " from "
                    + fetched.getRemoteSocketAddress());
        } catch (SocketTimeoutException expected) {
            // nobody came
        }
    }
}
