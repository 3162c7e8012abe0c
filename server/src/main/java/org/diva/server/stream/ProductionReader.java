package org.diva.server.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import org.diva.web.live.LiveStream;

/** One reader of a production: its own file channel, opened on first read, and its place in the reader count. */
final class ProductionReader implements LiveStream {
    private final Production production;
    private final long startOffset;
    private final Optional<String> timeSeekAnswer;
    private final Runnable onClose;
    private final String contentType;
    private final Optional<String> contentFeatures;
    private static final int TS_PACKET = 188;

    private final FileChannel channel;
    private final OptionalLong promised;
    private boolean closed;

    /** Opens the production's file now, so a later rename (stored) or delete (failed) does not pull it away. */
    ProductionReader(Production production, StreamSpec spec, long startOffset, Optional<String> timeSeekAnswer,
                     Runnable onClose) throws IOException {
        this.production = production;
        this.startOffset = startOffset;
        this.timeSeekAnswer = timeSeekAnswer;
        this.onClose = onClose;
        this.contentType = spec.contentType();
        this.contentFeatures = spec.contentFeatures();
        this.promised = spec.promisedSize();
        this.channel = production.open();
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public Optional<String> contentFeatures() {
        return contentFeatures;
    }

    @Override
    public OptionalLong completeSize() {
        return production.completeSize();
    }

    @Override
    public long awaitBeyond(long position, Duration timeout) throws IOException, InterruptedException {
        return production.awaitBeyond(position, timeout);
    }

    @Override
    public int read(ByteBuffer into, long position) throws IOException {
        return channel.read(into, position);
    }

    @Override
    public OptionalLong promisedSize() {
        return promised;
    }

    /** MPEG-TS null packets (PID 0x1FFF, ISO/IEC 13818-1 2.4.3.2): every player skips them. */
    @Override
    public void fill(ByteBuffer into, long position) {
        for (long at = position; into.hasRemaining(); at++) {
            into.put(switch ((int) (at % TS_PACKET)) {
                case 0 -> (byte) 0x47;
                case 1 -> (byte) 0x1F;
                case 2 -> (byte) 0xFF;
                case 3 -> (byte) 0x10;
                default -> (byte) 0xFF;
            });
        }
    }

    @Override
    public Optional<String> timeSeekAnswer() {
        return timeSeekAnswer;
    }

    @Override
    public long startOffset() {
        return startOffset;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } finally {
            onClose.run();
        }
    }
}
