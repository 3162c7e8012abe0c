package org.diva.server.pool.neighbourhood;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import org.diva.server.pool.Neighbours;
import org.diva.server.pool.ServerId;

/**
 * The plainest reader of a neighbour's title, for tests: each read fetches the next range from the one holder's
 * {@code /peer/v1/items/{id}/content}. The swarm reader replaces it in the server.
 */
final class PeerRangeContent implements NeighbourContent {
    private static final int CHUNK = 16 * 1024;
    private final Neighbours neighbours;

    PeerRangeContent(Neighbours neighbours) {
        this.neighbours = neighbours;
    }

    @Override
    public SeekableByteChannel open(ServerId holder, String remoteItemId, long size) throws IOException {
        Neighbours.Neighbour neighbour = neighbours.online().stream().filter(n -> n.id().equals(holder)).findFirst()
                .orElseThrow(() -> new IOException("holder " + holder.shortForm() + " is not online"));
        return new SeekableByteChannel() {
            private long position;
            private boolean open = true;

            @Override
            public int read(ByteBuffer dst) throws IOException {
                if (position >= size) {
                    return -1;
                }
                int want = (int) Math.min(Math.min(dst.remaining(), CHUNK), size - position);
                HttpRequest request = HttpRequest.newBuilder(neighbour.peerBase().resolve("/peer/v1/items/"
                                + remoteItemId + "/content"))
                        .header("Range", "bytes=" + position + "-" + (position + want - 1))
                        .timeout(Duration.ofSeconds(5)).build();
                HttpResponse<byte[]> response;
                try {
                    response = neighbours.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                if (response.statusCode() != 206 || response.body().length != want) {
                    throw new IOException("holder answered " + response.statusCode() + " with "
                            + response.body().length + " bytes for " + want);
                }
                dst.put(response.body());
                position += want;
                return want;
            }

            @Override
            public int write(ByteBuffer src) {
                throw new NonWritableChannelException();
            }

            @Override
            public long position() {
                return position;
            }

            @Override
            public SeekableByteChannel position(long newPosition) {
                position = newPosition;
                return this;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public SeekableByteChannel truncate(long ignored) {
                throw new NonWritableChannelException();
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                open = false;
            }
        };
    }
}
