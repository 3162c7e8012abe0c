package org.diva.server.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
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
    private FileChannel channel;
    private boolean closed;

    ProductionReader(Production production, StreamSpec spec, long startOffset, Optional<String> timeSeekAnswer,
                     Runnable onClose) {
        this.production = production;
        this.startOffset = startOffset;
        this.timeSeekAnswer = timeSeekAnswer;
        this.onClose = onClose;
        this.contentType = spec.contentType();
        this.contentFeatures = spec.contentFeatures();
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
        if (channel == null) {
            try {
                channel = FileChannel.open(production.file());
            } catch (NoSuchFileException e) {
                channel = FileChannel.open(production.file()); // finished and renamed between the two calls
            }
        }
        return channel.read(into, position);
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
            if (channel != null) {
                channel.close();
            }
        } finally {
            onClose.run();
        }
    }
}
