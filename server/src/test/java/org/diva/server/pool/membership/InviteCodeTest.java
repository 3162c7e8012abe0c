package org.diva.server.pool.membership;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.diva.server.pool.ServerId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Invite codes survive being pasted (with line breaks) and every malformed code is refused saying what is wrong. */
class InviteCodeTest {
    private static final ServerId INVITER = ServerId.ofBytes(new byte[32]);
    private static final byte[] SECRET = "0123456789abcdef".getBytes();

    private static InviteCode sample() {
        return new InviteCode("Elm Street ☂", INVITER, "00112233aabbccdd", SECRET,
                Instant.parse("2026-11-26T10:00:00Z"),
                List.of(URI.create("https://203.0.113.7:8311"), URI.create("https://[2001:db8::1]:8311")));
    }

    @Test
    void aCodeRoundTripsThroughItsTextEvenWithLineBreaks() {
        InviteCode code = sample();
        String text = code.encode();
        assertTrue(text.startsWith("DIVA1-"), text);
        assertTrue(text.length() < 250, "short enough to paste: " + text.length());
        String pasted = "  " + text.substring(0, 40) + "\n" + text.substring(40) + "\r\n";
        InviteCode back = InviteCode.parse(pasted);
        assertEquals(code.poolName(), back.poolName());
        assertEquals(code.inviter(), back.inviter());
        assertEquals(code.inviteId(), back.inviteId());
        assertArrayEquals(SECRET, back.secret());
        assertEquals(code.expires(), back.expires());
        assertEquals(code.addresses(), back.addresses());
    }

    /** The sample's bytes with one change, as a code. */
    private static String altered(int at, int value) {
        byte[] bytes = Base64.getUrlDecoder().decode(sample().encode().substring(6));
        bytes[at] = (byte) value;
        return "DIVA1-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String truncated(int length) {
        byte[] bytes = Base64.getUrlDecoder().decode(sample().encode().substring(6));
        return "DIVA1-" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(bytes, length));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no prefix          | ABCDEF                 | starts with DIVA1-",
        "empty              | ''                     | starts with DIVA1-",
        "not base64         | DIVA1-%%%              | damaged",
        "nothing after      | DIVA1-                 | cut short",
    })
    void malformedTextIsRefused(String label, String code, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InviteCode.parse(code));
        assertTrue(e.getMessage().contains(expected), label + ": " + e.getMessage());
    }

    @Test
    void damagedBytesAreRefusedWithTheirPlace() {
        assertRefused(altered(0, 7), "version 7 at byte 0");
        assertRefused(truncated(40), "cut short");
        // pool name length (bytes 65-66) claiming more than is there
        assertRefused(altered(65, 0x7f), "claims");
        int countAt = 67 + "Elm Street ☂".getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertRefused(altered(countAt, 0), "names 0 addresses at byte " + countAt);
        assertRefused(altered(countAt, 200), "names 200 addresses");
        assertRefused(altered(countAt + 3, 'f'), "address at byte " + (countAt + 1)); // "https" -> "fttps"
        assertRefused(sample().encode() + "AAAA", "stray bytes");
        assertRefused("DIVA1-" + "A".repeat(5000), "at most 4096");
    }

    private static void assertRefused(String code, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InviteCode.parse(code));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    @Test
    void invalidPartsAreRefusedWhenMade() {
        assertThrows(IllegalArgumentException.class, () -> new InviteCode("", INVITER, "00112233aabbccdd", SECRET,
                Instant.EPOCH, List.of(URI.create("https://a:1"))));
        assertThrows(IllegalArgumentException.class, () -> new InviteCode("x", INVITER, "XYZ", SECRET,
                Instant.EPOCH, List.of(URI.create("https://a:1"))));
        assertThrows(IllegalArgumentException.class, () -> new InviteCode("x", INVITER, "00112233aabbccdd",
                new byte[3], Instant.EPOCH, List.of(URI.create("https://a:1"))));
        assertThrows(IllegalArgumentException.class, () -> new InviteCode("x", INVITER, "00112233aabbccdd", SECRET,
                Instant.EPOCH, List.of(URI.create("http://a:1"))));
        assertThrows(IllegalArgumentException.class, () -> new InviteCode("x", INVITER, "00112233aabbccdd", SECRET,
                Instant.EPOCH, List.of(URI.create("https://a:1/peer"))));
        assertThrows(IllegalArgumentException.class, () -> new InviteCode("x", INVITER, "00112233aabbccdd", SECRET,
                Instant.EPOCH, List.of()));
    }
}
