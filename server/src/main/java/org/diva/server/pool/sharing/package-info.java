/**
 * What this server shares with the pool: the catalogue items under the shared folders, and the peer API
 * ({@code /peer/v1/items...}) through which members browse, search and fetch them.
 */
package org.diva.server.pool.sharing;
