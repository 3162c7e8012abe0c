package org.diva.transcode.probe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Assertions for probing damaged input: a clean, specific format error, or a result, and nothing else. */
public final class ProbeAssertions {
    private ProbeAssertions() {
    }

    public static MediaFormatException assertFails(ContainerProbe probe, byte[] file, String expectedMessagePart) {
        MediaFormatException e = assertThrows(MediaFormatException.class,
                () -> probe.probe(new ByteArrayChannel(file)));
        assertTrue(e.getMessage().contains(expectedMessagePart),
                "expected \"" + expectedMessagePart + "\" in: " + e.getMessage());
        return e;
    }

    /**
     * Either a format error the probe meant to raise or a result; the probe's last-resort "internal error" (an
     * unchecked exception it caught) or any other exception fails the test.
     */
    public static void probeWithoutSurprises(ContainerProbe probe, byte[] file, String what) {
        try {
            probe.probe(new ByteArrayChannel(file));
        } catch (MediaFormatException e) {
            assertFalse(e.getMessage().startsWith("internal error"), what + ": " + e.getMessage());
        } catch (Throwable e) {
            fail(what + ": " + e, e);
        }
    }
}
