package org.diva.upnp.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SearchCriteria into tokens (UPnP ContentDirectory:1, §2.5.5). Whitespace separates; parentheses, quoted
 * strings and the relational symbols stand alone even without spaces around them, as some clients send
 * {@code dc:title="x"}. Inside quotes only {@code \"} and {@code \\} are escapes.
 */
final class SearchLexer {
    private SearchLexer() {
    }

    static List<Token> tokens(String criteria) throws InvalidCriteriaException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = criteria.length();
        while (i < n) {
            char c = criteria.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(c == '(' ? Token.Type.OPEN : Token.Type.CLOSE, String.valueOf(c), i));
                i++;
            } else if (c == '"') {
                i = quoted(criteria, i, tokens);
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                int start = i;
                i++;
                if (i < n && criteria.charAt(i) == '=') {
                    i++;
                }
                String symbol = criteria.substring(start, i);
                if (symbol.equals("!")) {
                    throw new InvalidCriteriaException("'!' at position " + start + " must be followed by '='");
                }
                tokens.add(new Token(Token.Type.SYMBOL, symbol, start));
            } else {
                int start = i;
                while (i < n && !isSpace(criteria.charAt(i)) && "()\"=!<>".indexOf(criteria.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(Token.Type.WORD, criteria.substring(start, i), start));
            }
        }
        tokens.add(new Token(Token.Type.END, "", n));
        return tokens;
    }

    private static int quoted(String criteria, int open, List<Token> tokens) throws InvalidCriteriaException {
        StringBuilder value = new StringBuilder();
        int i = open + 1;
        while (i < criteria.length()) {
            char c = criteria.charAt(i);
            if (c == '"') {
                tokens.add(new Token(Token.Type.STRING, value.toString(), open));
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= criteria.length()) {
                    break;
                }
                char escaped = criteria.charAt(i + 1);
                if (escaped != '"' && escaped != '\\') {
                    throw new InvalidCriteriaException("unknown escape '\\" + escaped + "' at position " + i
                            + ": inside quotes only \\\" and \\\\ are escapes");
                }
                value.append(escaped);
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new InvalidCriteriaException("the string opened at position " + open + " is not closed");
    }

    /** UPnP's wChar: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
