package org.diva.server.api;

import java.util.List;

/** Wire form of {@code GET /api/v1/items}: one page and the total number of matches. */
public record ItemPageJson(List<ItemJson> items, long total, int offset, int limit) {
}
