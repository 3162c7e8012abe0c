package org.diva.server.catalogue;

/** What the catalogue remembers of a path, for deciding whether a rescan must touch it. */
public record KnownFile(long id, long size, long modified, String sidecars) {
}
