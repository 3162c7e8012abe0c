package org.diva.upnp.search;

/**
 * Search or sort criteria DiVA cannot follow: malformed, or naming a property or operator it does not support.
 * The message says what and where, for the client's log.
 */
public final class InvalidCriteriaException extends Exception {
    public InvalidCriteriaException(String message) {
        super(message);
    }
}
