package org.diva.upnp.library;

/**
 * How a {@link Criteria.Compare} compares. String comparisons ignore case (UPnP ContentDirectory:1 §2.5.5): SQL
 * compares {@code LOWER(column)} with the lower-cased value. A comparison with a property the item lacks
 * (SQL NULL) is false, except {@code EXISTS false}; plain SQL three-valued logic gives exactly that, because
 * criteria have no NOT.
 */
public enum SearchOperator {
    /** {@code LOWER(c) = :v}. */
    EQUALS("="),
    /** {@code LOWER(c) <> :v} (false when c is NULL). */
    NOT_EQUALS("!="),
    /** {@code LOWER(c) LIKE '%' || :v || '%' ESCAPE '\'}, with % _ \ in the value escaped. */
    CONTAINS("contains"),
    /** {@code LOWER(c) NOT LIKE '%' || :v || '%' ESCAPE '\'} (false when c is NULL). */
    DOES_NOT_CONTAIN("doesNotContain"),
    /** Class only: the class is the value or a subclass of it ({@code object.item} derives every item). */
    DERIVED_FROM("derivedfrom"),
    /** The value is "true" or "false": {@code c IS NOT NULL} or {@code c IS NULL}. */
    EXISTS("exists"),
    /** {@code LOWER(c) LIKE :v || '%' ESCAPE '\'}. */
    STARTS_WITH("startsWith");

    private final String upnpName;

    SearchOperator(String upnpName) {
        this.upnpName = upnpName;
    }

    /** As written in UPnP search criteria. */
    public String upnpName() {
        return upnpName;
    }
}
