package org.diva.server.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import org.diva.transcode.mux.mp4.FaststartView;
import org.diva.web.live.LiveStream;

/**
 * A whole-file output (MP4) as a reader gets it: complete, with its movie box moved in front of the media data.
 * DiVA's MP4 muxer appends (readers may follow the file while it grows) and so writes the moov last; a player
 * fetching over HTTP wants it first, so the finished file is served through a {@link FaststartView}, which reads
 * the media data where it is and the rewritten moov from memory.
 */
final class WholeFileStream implements LiveStream {
    private final LiveStream produced;
    private final FaststartView view;
    private final SeekableByteChannel source;

    private WholeFileStream(LiveStream produced, FaststartView view) {
        this.produced = produced;
        this.view = view;
        this.source = new Channel(produced);
    }

    /**
     * Waits until {@code produced} is complete, as long as it keeps growing, and returns it served moov first.
     *
     * @throws IOException the production failed, or grew by nothing for {@code stall}
     */
    static LiveStream await(LiveStream produced, Duration stall) throws IOException, InterruptedException {
        long seen = 0;
        while (produced.completeSize().isEmpty()) {
            long now = produced.awaitBeyond(seen, stall);
            if (produced.completeSize().isEmpty() && now <= seen) {
                throw new IOException("the " + produced.contentType() + " being made grew by nothing for "
                        + stall.toSeconds() + " s (at " + seen + " bytes)");
            }
            seen = now;
        }
        Optional<FaststartView> view = FaststartView.of(new Channel(produced));
        return view.isEmpty() ? produced : new WholeFileStream(produced, view.get());
    }

    @Override
    public String contentType() {
        return produced.contentType();
    }

    @Override
    public Optional<String> contentFeatures() {
        return produced.contentFeatures();
    }

    @Override
    public OptionalLong completeSize() {
        return OptionalLong.of(view.size());
    }

    @Override
    public long awaitBeyond(long position, Duration timeout) {
        return view.size();
    }

    @Override
    public int read(ByteBuffer into, long position) throws IOException {
        return view.read(source, into, position);
    }

    @Override
    public Optional<String> timeSeekAnswer() {
        return Optional.empty();
    }

    @Override
    public long startOffset() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        produced.close();
    }

    /** A complete live stream as a read-only channel, which is what the MP4 code reads. */
    private static final class Channel implements SeekableByteChannel {
        private final LiveStream stream;
        private long position;

        Channel(LiveStream stream) {
            this.stream = stream;
        }

        @Override
        public int read(ByteBuffer into) throws IOException {
            if (position >= size()) {
                return -1;
            }
            int n = stream.read(into, position);
            position += Math.max(0, n);
            return n;
        }

        @Override
        public int write(ByteBuffer from) {
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
        public long size() throws IOException {
            return stream.completeSize().orElseThrow(() -> new ClosedChannelException());
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
            // the stream is closed by its owner
        }
    }
}
