/** The household's catalogue in an embedded H2 database with versioned (Flyway) schema migrations. */
package org.diva.server.catalogue;
