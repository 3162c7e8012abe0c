package org.diva.upnp.render;

/** A renderer's LastChange event that DiVA will not read: malformed, with a DTD, or over the limits. */
public final class InvalidLastChangeException extends Exception {
    public InvalidLastChangeException(String message) {
        super(message);
    }
}
