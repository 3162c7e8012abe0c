package org.diva.upnp.search;

/**
 * One lexical unit of SearchCriteria.
 *
 * @param text     the word or symbol as written, or a quoted string's value with its escapes resolved
 * @param position where it starts in the criteria (0-based), for messages
 */
record Token(Type type, String text, int position) {
    enum Type {
        OPEN, CLOSE, WORD, SYMBOL, STRING, END
    }

    boolean isWord(String word) {
        return type == Type.WORD && text.equalsIgnoreCase(word);
    }

    String describe() {
        return switch (type) {
            case END -> "the end";
            case STRING -> "\"" + text + "\" at position " + position;
            default -> "'" + text + "' at position " + position;
        };
    }
}
