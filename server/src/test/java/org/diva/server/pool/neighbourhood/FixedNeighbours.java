package org.diva.server.pool.neighbourhood;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.diva.server.pool.Neighbours;
import org.diva.server.pool.ServerId;

/** The membership view a test decides: these neighbours are online, reached with this client. */
final class FixedNeighbours implements Neighbours {
    private final ServerId self;
    private final HttpClient client;
    final List<Neighbour> online = new CopyOnWriteArrayList<>();

    FixedNeighbours(ServerId self, HttpClient client) {
        this.self = self;
        this.client = client;
    }

    @Override
    public List<Neighbour> online() {
        return List.copyOf(online);
    }

    @Override
    public HttpClient client() {
        return client;
    }

    @Override
    public ServerId self() {
        return self;
    }
}
