package org.diva.upnp.igd;

import java.util.Optional;

/**
 * Text that comes from the router, which DiVA shows to the household or advertises to neighbours: a router is
 * trusted with nothing, so its words are cut short and stripped of control characters, and its external address
 * must be a plain IPv4 address (never a name to look up).
 */
final class RouterText {
    static final int MAX_LENGTH = 80;

    private RouterText() {
    }

    /** Printable, at most {@link #MAX_LENGTH} characters; "(nothing)" for null or blank. */
    static String clean(String text) {
        if (text == null || text.isBlank()) {
            return "(nothing)";
        }
        StringBuilder out = new StringBuilder();
        text.strip().codePoints().limit(MAX_LENGTH).forEach(c -> out.appendCodePoint(Character.isISOControl(c)
                ? ' ' : c));
        return text.strip().codePointCount(0, text.strip().length()) > MAX_LENGTH ? out + "..." : out.toString();
    }

    /** The address if {@code text} is a dotted-quad IPv4 address ("203.0.113.7"), else empty. */
    static Optional<int[]> ipv4(String text) {
        if (text == null || text.length() > 15) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            octets[i] = Integer.parseInt(parts[i]);
            if (octets[i] > 255) {
                return Optional.empty();
            }
        }
        return Optional.of(octets);
    }

    /**
     * Why an external address cannot be dialled from the internet, if it cannot: routers report 0.0.0.0 while the
     * WAN link is down, and a private or shared (RFC 1918, RFC 6598 CGNAT) address when another router or the
     * ISP's carrier-grade NAT sits in front, where a mapping on this router does not reach the internet.
     */
    static Optional<String> notPublic(int[] a) {
        if (a[0] == 0) {
            return Optional.of("the router has no external address yet (its internet link may be down)");
        }
        boolean privateRange = a[0] == 10 || a[0] == 127 || (a[0] == 172 && a[1] >= 16 && a[1] <= 31)
                || (a[0] == 192 && a[1] == 168) || (a[0] == 169 && a[1] == 254) || (a[0] == 100 && a[1] >= 64
                && a[1] <= 127) || a[0] >= 224;
        return privateRange ? Optional.of("the router's external address is private or shared, so another router"
                + " or the provider's NAT sits in front of it: forward the ports on that one too, or ask the"
                + " provider for a public address") : Optional.empty();
    }
}
