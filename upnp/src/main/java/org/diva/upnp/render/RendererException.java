package org.diva.upnp.render;

import java.util.OptionalInt;

/** A play-to command that did not happen, and why: the message says what and, where there is one, what to do. */
public final class RendererException extends Exception {
    /** Why a command failed. */
    public enum Reason {
        /** No renderer with that id has been seen. */
        UNKNOWN_RENDERER,
        /** The renderer lacks the service or action the command needs. */
        NOT_SUPPORTED,
        /** The renderer answered with a UPnP error (e.g. 701 Transition not available, 714 Illegal MIME-type). */
        REFUSED,
        /** The renderer is gone, did not answer in time or answered with something that is not UPnP. */
        UNREACHABLE
    }

    private final Reason reason;
    private final OptionalInt upnpError;

    public RendererException(Reason reason, String message) {
        this(reason, OptionalInt.empty(), message);
    }

    public RendererException(Reason reason, OptionalInt upnpError, String message) {
        super(message);
        this.reason = reason;
        this.upnpError = upnpError;
    }

    public Reason reason() {
        return reason;
    }

    /** The UPnP error code the renderer answered with, for {@link Reason#REFUSED}. */
    public OptionalInt upnpError() {
        return upnpError;
    }
}
