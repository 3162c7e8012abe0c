package org.diva.upnp.library;

import org.diva.upnp.content.ClientContext;

/**
 * Which streams to offer each client beside the file itself. The server implements it with its device profiles
 * and play decision; the UPnP face only lists what it is told. {@link #forClient} is called once per Browse or
 * Search, so that recognising the client is done once for the page of items it lists.
 *
 * <p>Implementations are called from many threads at once; a failure for one item should yield
 * {@link Offer#original()} for it rather than fail the listing.
 */
@FunctionalInterface
public interface StreamOffers {
    /** The file alone for every client: what a server without transcoding offers. */
    StreamOffers ORIGINAL_ONLY = client -> ForClient.ORIGINAL;

    ForClient forClient(ClientContext client);

    /** The offers for one client. */
    @FunctionalInterface
    interface ForClient {
        /** Every file as it is. */
        ForClient ORIGINAL = item -> Offer.original();

        Offer offer(MediaItem item);
    }
}
