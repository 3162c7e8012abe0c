package org.diva.server.catalogue;

import java.sql.SQLException;

/** The catalogue could not be read where the caller's interface has no checked exceptions. */
public final class CatalogueException extends RuntimeException {
    public CatalogueException(String what, SQLException cause) {
        super("catalogue failed while " + what + ": " + cause.getMessage(), cause);
    }
}
