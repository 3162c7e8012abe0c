package org.diva.upnp.content;

/** A Browse or Search the client got wrong, with the UPnP error code it gets back in a SOAP fault. */
public final class ContentDirectoryException extends Exception {
    public static final int INVALID_ARGS = 402;
    public static final int NO_SUCH_OBJECT = 701;
    public static final int UNSUPPORTED_SEARCH_CRITERIA = 708;
    public static final int UNSUPPORTED_SORT_CRITERIA = 709;
    public static final int NO_SUCH_CONTAINER = 710;

    private final int code;

    public ContentDirectoryException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
