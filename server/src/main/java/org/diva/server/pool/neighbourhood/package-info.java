/**
 * The neighbours' shared catalogue as this household sees it: fan-out search with a deadline, paged browse on
 * demand, local ids for neighbours' items, their play decision, and serving their bytes at {@code /media/{id}}.
 */
package org.diva.server.pool.neighbourhood;
