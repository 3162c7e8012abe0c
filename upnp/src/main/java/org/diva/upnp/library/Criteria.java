package org.diva.upnp.library;

import java.util.List;
import java.util.Objects;

/**
 * A search condition on items, parsed from UPnP SearchCriteria; the server translates it to a SQL WHERE clause,
 * node by node. An empty {@link And} is true and an empty {@link Or} is false.
 */
public sealed interface Criteria permits Criteria.And, Criteria.Or, Criteria.Compare {

    /** Every term holds: {@code (t1 AND t2 ...)}. */
    record And(List<Criteria> terms) implements Criteria {
        public And {
            terms = List.copyOf(terms);
        }
    }

    /** Some term holds: {@code (t1 OR t2 ...)}. */
    record Or(List<Criteria> terms) implements Criteria {
        public Or {
            terms = List.copyOf(terms);
        }
    }

    /** One comparison, see {@link SearchOperator} for its SQL. */
    record Compare(SearchProperty property, SearchOperator operator, String value) implements Criteria {
        public Compare {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
            if (operator == SearchOperator.DERIVED_FROM && property != SearchProperty.CLASS) {
                throw new IllegalArgumentException("derivedfrom applies to upnp:class only, not "
                        + property.upnpName());
            }
            if (operator == SearchOperator.EXISTS && !value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("exists takes true or false, not '" + value + "'");
            }
        }
    }
}
