package org.diva.transcode.subtitle;

/**
 * The text a SubStation Alpha event shows, as plain SubRip text.
 *
 * <p>Matroska stores each ASS/SSA event as a block whose payload is the Dialogue line without its start and end
 * times: "ReadOrder, Layer, Style, Name, MarginL, MarginR, MarginV, Effect, Text" (Matroska codec specification,
 * "SSA/ASS subtitles"); SSA has "Marked" where ASS has "Layer", so both have 8 fields before the text. The text
 * may contain commas, so it is everything after the eighth. Override blocks ("{\an8}", "{\i1}", "{\pos(1,2)}") are
 * dropped, "\N" and "\n" become line breaks and "\h" a space (Aegisub's ASS tags reference).
 */
public final class AssText {
    private static final int FIELDS_BEFORE_TEXT = 8;

    private AssText() {
    }

    /** The text of a Matroska ASS/SSA block payload. */
    public static String ofMatroskaEvent(String event) {
        int position = 0;
        for (int i = 0; i < FIELDS_BEFORE_TEXT; i++) {
            int comma = event.indexOf(',', position);
            if (comma < 0) {
                return plain(event); // not an event line: show what it says rather than nothing
            }
            position = comma + 1;
        }
        return plain(event.substring(position));
    }

    /** An ASS text field with override blocks removed and its escapes turned into line breaks and spaces. */
    public static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                int close = text.indexOf('}', i);
                if (close > 0) {
                    i = close;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == 'N' || next == 'n') {
                    out.append('\n');
                    i++;
                    continue;
                }
                if (next == 'h') {
                    out.append(' ');
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString().replace("\r", "").strip();
    }
}
