package org.diva.upnp.didl;

/**
 * Escapes text for XML 1.0, once. Characters XML 1.0 cannot carry at all, even escaped (C0 controls other than
 * tab, line feed and carriage return; U+FFFE, U+FFFF; unpaired surrogates), are dropped: they turn up in tags
 * written by old rippers and would make the whole Browse answer unreadable.
 */
final class XmlText {
    private XmlText() {
    }

    /** For element content: {@code & < >} escaped ({@code >} so that {@code ]]>} cannot appear). */
    static void appendText(StringBuilder out, String text) {
        append(out, text, false);
    }

    /**
     * For a double-quoted attribute value: also {@code "}, and tab, line feed and carriage return as character
     * references, since a parser would otherwise turn them into spaces.
     */
    static void appendAttribute(StringBuilder out, String value) {
        append(out, value, true);
    }

    static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    private static void append(StringBuilder out, String text, boolean attribute) {
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!isXmlChar(c)) {
                continue;
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                default -> out.appendCodePoint(c);
            }
        }
    }
}
