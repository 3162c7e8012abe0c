/**
 * Parsers for what a control point writes in Search and Browse requests: ContentDirectory:1 SearchCriteria into
 * {@link org.diva.upnp.library.Criteria}, and SortCriteria into sort keys.
 */
package org.diva.upnp.search;
