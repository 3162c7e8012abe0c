package org.diva.server.pool.neighbourhood;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.diva.server.playback.ClientProfiles;
import org.diva.server.pool.Neighbours;
import org.diva.server.pool.sharing.PeerCaller;
import org.diva.server.pool.sharing.PeerCatalogueRoutes;
import org.diva.server.pool.sharing.SharedItems;
import org.diva.server.stream.TitleConversions;
import org.diva.transcode.decision.PlaybackDecision;
import org.diva.upnp.library.NeighbourhoodView;
import org.diva.web.Router;
import org.eclipse.jetty.server.Handler;

/**
 * Sharing and the neighbours' catalogue, wired: what the composition root constructs once and plugs into the
 * peer router, the main router, and in front of the main router. It starts no threads, so it has no lifecycle of
 * its own; requests to neighbours run on the neighbours' HTTP client.
 */
public final class PoolCatalogue {
    /** How long a TV or the dashboard waits for neighbours before it is shown what arrived. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(2);

    private final PeerCatalogueRoutes peerRoutes;
    private final NeighbourhoodCatalogue neighbourhood;
    private final AtomicReference<NeighbourContent> content = new AtomicReference<>();
    private final AtomicReference<TitleConversions> conversions = new AtomicReference<>();
    private final NeighbourRoutes itemRoutes;

    /**
     * @param shared     this household's shared items (served to neighbours)
     * @param caller     who is asking on the peer port (members only are answered)
     * @param neighbours the pool's online members and the mutual-TLS client that reaches them
     * @param clients    the asking device's profile, for neighbour items' play decision
     * @param decision   the play decision
     * @param deadline   how long browse and search wait for neighbours
     */
    public PoolCatalogue(SharedItems shared, PeerCaller caller, Neighbours neighbours, ClientProfiles clients,
                         PlaybackDecision decision, Duration deadline) {
        this.peerRoutes = new PeerCatalogueRoutes(shared, caller);
        this.neighbourhood = new NeighbourhoodCatalogue(neighbours, deadline);
        this.itemRoutes = new NeighbourRoutes(neighbourhood, clients, decision, content, conversions);
    }

    /** {@code /peer/v1/items...} on the peer HTTPS server. */
    public void addPeerRoutes(Router peerRouter) {
        peerRoutes.addRoutes(peerRouter);
    }

    /** {@code /api/v1/pool/items} on the main router. */
    public void addApiRoutes(Router router) {
        new PoolCatalogueApi(neighbourhood).addRoutes(router);
    }

    /**
     * The handler for neighbours' item ids at {@code /media/n-...} and {@code /api/v1/items/n-...}: put it before
     * the main router in a {@code Handler.Sequence}; it passes on every other request.
     */
    public Handler neighbourItems() {
        return itemRoutes;
    }

    /** The reader of neighbours' titles (the swarm); until one is set, {@code /media/n-...} answers 503. */
    public void setContent(NeighbourContent reader) {
        content.set(reader);
    }

    /**
     * What converts titles (the same as for local items); until one is set, {@code /media/n-.../stream} answers
     * 503.
     */
    public void setConversions(TitleConversions converter) {
        conversions.set(converter);
    }

    /** The neighbours' catalogue, asked on demand. */
    public NeighbourhoodCatalogue neighbourhood() {
        return neighbourhood;
    }

    /**
     * The TV's "Neighbourhood" container, for {@code DlnaServer}'s {@code neighbourhood} argument.
     *
     * @param inPool whether this server is in a pool now (the container is shown only then)
     */
    public NeighbourhoodView upnpView(BooleanSupplier inPool) {
        return new NeighbourhoodUpnpView(neighbourhood, inPool);
    }

    /** Like {@link #upnpView(BooleanSupplier)}, offering each TV converted streams as its play decision allows. */
    public NeighbourhoodView upnpView(BooleanSupplier inPool, NeighbourhoodUpnpView.Offers offers) {
        return new NeighbourhoodUpnpView(neighbourhood, inPool, offers);
    }
}
