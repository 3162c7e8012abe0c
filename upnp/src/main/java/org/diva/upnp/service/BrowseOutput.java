package org.diva.upnp.service;

import org.diva.upnp.content.BrowseResult;
import org.jupnp.model.types.UnsignedIntegerFourBytes;

/** Browse's and Search's four output arguments, read by jUPnP through these getters (named in the bindings). */
public final class BrowseOutput {
    private final BrowseResult result;

    BrowseOutput(BrowseResult result) {
        this.result = result;
    }

    public String getResult() {
        return result.didl();
    }

    public UnsignedIntegerFourBytes getNumberReturned() {
        return UpnpNumbers.count(result.numberReturned());
    }

    public UnsignedIntegerFourBytes getTotalMatches() {
        return UpnpNumbers.count(result.totalMatches());
    }

    public UnsignedIntegerFourBytes getUpdateID() {
        return UpnpNumbers.ui4(result.updateId());
    }
}
