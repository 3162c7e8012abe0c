package org.diva.server.pool.swarm;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.diva.server.pool.Neighbours;
import org.diva.server.pool.ServerId;

/** The neighbours a test says are online (membership is another part's work), with the reader's real TLS client. */
final class FixedNeighbours implements Neighbours {
    private final TestHolder self;
    private final HttpClient client;
    final List<Neighbour> online = new CopyOnWriteArrayList<>();

    FixedNeighbours(TestHolder self, List<TestHolder> others) {
        this.self = self;
        this.client = self.client();
        others.forEach(h -> online.add(h.neighbour()));
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
        return self.id();
    }
}
