package org.diva.server.catalogue;

/** Whether a catalogued file could be read. */
public enum ItemStatus {
    OK, FAILED
}
