package org.diva.upnp.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.diva.upnp.library.Criteria;
import org.diva.upnp.library.SearchOperator;
import org.diva.upnp.library.SearchProperty;

/**
 * Parses ContentDirectory:1 SearchCriteria (§2.5.5) into {@link Criteria}. A recursive-descent parser over the
 * grammar, with {@code and} binding tighter than {@code or} as the specification orders them:
 * <pre>
 * searchCrit := '*' | orExp
 * orExp      := andExp ('or' andExp)*
 * andExp     := primary ('and' primary)*
 * primary    := '(' orExp ')' | property binOp quotedVal | property 'exists' ('true' | 'false')
 * binOp      := '=' | '!=' | 'contains' | 'doesNotContain' | 'derivedfrom' | 'startsWith'
 * </pre>
 * Operators and {@code and}/{@code or} are accepted in any case. Relational {@code < <= > >=}, properties other
 * than those of {@link SearchProperty} (plus {@code dc:creator}, searched as the artist) and {@code derivedfrom}
 * on anything but {@code upnp:class} are unsupported. {@code @refID}, which Windows Media Player adds to exclude
 * references, is understood: DiVA has no reference items, so {@code @refID exists false} always holds.
 *
 * <p>Criteria come from the network, so nesting depth and size are bounded.
 */
public final class SearchCriteriaParser {
    static final int MAX_DEPTH = 16;
    static final int MAX_COMPARISONS = 64;
    static final int MAX_LENGTH = 4096;

    private static final Map<String, SearchProperty> PROPERTIES = Map.of(
            "upnp:class", SearchProperty.CLASS,
            "dc:title", SearchProperty.TITLE,
            "upnp:artist", SearchProperty.ARTIST,
            "dc:creator", SearchProperty.ARTIST,
            "upnp:album", SearchProperty.ALBUM,
            "upnp:genre", SearchProperty.GENRE);

    private static final Map<String, SearchOperator> OPERATORS = Map.of(
            "=", SearchOperator.EQUALS,
            "!=", SearchOperator.NOT_EQUALS,
            "contains", SearchOperator.CONTAINS,
            "doesnotcontain", SearchOperator.DOES_NOT_CONTAIN,
            "derivedfrom", SearchOperator.DERIVED_FROM,
            "exists", SearchOperator.EXISTS,
            "startswith", SearchOperator.STARTS_WITH);

    private static final String REF_ID = "@refid";
    private static final Criteria TRUE = new Criteria.And(List.of());
    private static final Criteria FALSE = new Criteria.Or(List.of());

    private final List<Token> tokens;
    private int next;
    private int comparisons;

    private SearchCriteriaParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The comma-separated property names Search understands, for GetSearchCapabilities. */
    public static String capabilities() {
        return "upnp:class,dc:title,dc:creator,upnp:artist,upnp:album,upnp:genre";
    }

    /** The criteria, or empty for {@code *} (everything). */
    public static Optional<Criteria> parse(String criteria) throws InvalidCriteriaException {
        if (criteria.length() > MAX_LENGTH) {
            throw new InvalidCriteriaException("criteria longer than " + MAX_LENGTH + " characters");
        }
        if (criteria.strip().equals("*")) {
            return Optional.empty();
        }
        SearchCriteriaParser parser = new SearchCriteriaParser(SearchLexer.tokens(criteria));
        if (parser.peek().type() == Token.Type.END) {
            throw new InvalidCriteriaException("empty criteria: send * to match everything");
        }
        Criteria parsed = parser.or(0);
        Token rest = parser.peek();
        if (rest.type() != Token.Type.END) {
            throw new InvalidCriteriaException("expected 'and', 'or' or the end, found " + rest.describe());
        }
        return Optional.of(parsed);
    }

    private Criteria or(int depth) throws InvalidCriteriaException {
        List<Criteria> terms = new ArrayList<>();
        terms.add(and(depth));
        while (peek().isWord("or")) {
            next++;
            terms.add(and(depth));
        }
        return terms.size() == 1 ? terms.get(0) : new Criteria.Or(terms);
    }

    private Criteria and(int depth) throws InvalidCriteriaException {
        List<Criteria> terms = new ArrayList<>();
        terms.add(primary(depth));
        while (peek().isWord("and")) {
            next++;
            terms.add(primary(depth));
        }
        return terms.size() == 1 ? terms.get(0) : new Criteria.And(terms);
    }

    private Criteria primary(int depth) throws InvalidCriteriaException {
        Token token = take();
        if (token.type() == Token.Type.OPEN) {
            if (depth >= MAX_DEPTH) {
                throw new InvalidCriteriaException("parentheses nested deeper than " + MAX_DEPTH);
            }
            Criteria inner = or(depth + 1);
            Token close = take();
            if (close.type() != Token.Type.CLOSE) {
                throw new InvalidCriteriaException("expected ')' to close '(' at position " + token.position()
                        + ", found " + close.describe());
            }
            return inner;
        }
        if (token.type() != Token.Type.WORD || isKeyword(token)) {
            throw new InvalidCriteriaException("expected a property or '(', found " + token.describe());
        }
        if (++comparisons > MAX_COMPARISONS) {
            throw new InvalidCriteriaException("more than " + MAX_COMPARISONS + " comparisons");
        }
        return comparison(token);
    }

    private Criteria comparison(Token property) throws InvalidCriteriaException {
        Token operatorToken = take();
        SearchOperator operator = operator(property, operatorToken);
        Token value = take();
        if (operator == SearchOperator.EXISTS) {
            if (!value.isWord("true") && !value.isWord("false")) {
                throw new InvalidCriteriaException("'exists' takes true or false, found " + value.describe());
            }
        } else if (value.type() != Token.Type.STRING) {
            throw new InvalidCriteriaException("expected a quoted value after '" + property.text() + " "
                    + operatorToken.text() + "', found " + value.describe());
        }
        String text = operator == SearchOperator.EXISTS ? value.text().toLowerCase(Locale.ROOT) : value.text();
        String name = property.text().toLowerCase(Locale.ROOT);
        if (name.equals(REF_ID)) {
            return operator == SearchOperator.EXISTS && text.equals("false") ? TRUE : FALSE;
        }
        SearchProperty searched = PROPERTIES.get(name);
        if (searched == null) {
            throw new InvalidCriteriaException("cannot search by '" + property.text() + "' (position "
                    + property.position() + "); searchable: " + capabilities());
        }
        if (operator == SearchOperator.DERIVED_FROM && searched != SearchProperty.CLASS) {
            throw new InvalidCriteriaException("'derivedfrom' applies to upnp:class only, not " + property.text());
        }
        return new Criteria.Compare(searched, operator, text);
    }

    private static SearchOperator operator(Token property, Token token) throws InvalidCriteriaException {
        if (token.type() == Token.Type.SYMBOL || token.type() == Token.Type.WORD) {
            SearchOperator operator = OPERATORS.get(token.text().toLowerCase(Locale.ROOT));
            if (operator != null) {
                return operator;
            }
            if (token.type() == Token.Type.SYMBOL) {
                throw new InvalidCriteriaException("'" + token.text() + "' at position " + token.position()
                        + " is not supported: no searchable property is ordered");
            }
        }
        throw new InvalidCriteriaException("expected an operator after '" + property.text() + "', found "
                + token.describe());
    }

    private static boolean isKeyword(Token token) {
        return token.isWord("and") || token.isWord("or");
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.type() != Token.Type.END) {
            next++;
        }
        return token;
    }
}
