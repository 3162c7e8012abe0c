package org.diva.transcode.demux.mpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.diva.transcode.probe.mpeg.MpegStreamCodec;
import org.diva.transcode.probe.mpeg.PesHeader;
import org.diva.transcode.probe.mpeg.PsScanner;
import org.diva.transcode.probe.mpeg.PsStreamIds;
import org.diva.transcode.stream.Ticks;

/**
 * Reads a program stream (ISO/IEC 13818-1 section 2.5, ISO/IEC 11172-1): packs and PES packets, walked by
 * {@link PsScanner}. A program stream has no table of its streams (the program stream map is optional and rare), so
 * the streams are those whose PES packets appear while the head is read, in order of appearance; stream ids name
 * the kind, the DVD substream id of private stream 1 the codec, and for video the bytes themselves
 * ({@link PsVideoSniffer}) unless a program stream map gives the stream type.
 */
final class PsEngine implements Engine {
    private static final int PROGRAM_STREAM_MAP = 0xbc;
    /** Streams that start later than this (a DVD's subpictures start with the first subtitle) are not found. */
    private static final long DISCOVERY = 1024 * 1024;

    private final SeekableByteChannel channel;
    private final long size;
    private final Consumer<Unit> sink;
    private final Timeline timeline = new Timeline();
    private final Map<Integer, Framer> byKey = new HashMap<>();
    private final Map<Integer, Integer> skips = new HashMap<>();
    private final List<Framer> framers = new ArrayList<>();
    private final Map<Integer, Integer> mappedTypes = new HashMap<>();
    private final Listener listener = new Listener();
    private PsScanner scanner;
    private long position;
    private boolean locked;
    private boolean ended;

    PsEngine(SeekableByteChannel channel, long size, Consumer<Unit> sink) {
        this.channel = channel;
        this.size = size;
        this.sink = sink;
        this.scanner = new PsScanner(channel, 0, size);
    }

    @Override
    public boolean pump() throws IOException {
        if (ended) {
            return false;
        }
        listener.stop = false;
        try {
            scanner.run(listener);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!listener.stop) {
            ended = true;
            position = size;
            for (Framer framer : framers) {
                framer.flush();
            }
            return false;
        }
        return true;
    }

    /** Receives the scanner's packets, one PES packet per pump. */
    private final class Listener implements PsScanner.Listener {
        boolean stop;
        long unitStart;

        @Override
        public void pack(long scr) {
        }

        @Override
        public void pes(PesHeader header, byte[] data, int offset, int length) {
            try {
                accept(header, data, offset, length, unitStart);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stop = true;
        }

        @Override
        public boolean done(long at) {
            position = at;
            unitStart = at;
            return stop;
        }
    }

    private void accept(PesHeader header, byte[] data, int offset, int length, long start) throws IOException {
        int id = header.streamId();
        if (id == PROGRAM_STREAM_MAP) {
            PsStreamMap.parse(data, offset, length, mappedTypes);
            return;
        }
        boolean private1 = id == PsStreamIds.PRIVATE_STREAM_1;
        if (private1 && length < 1) {
            return;
        }
        int key = PsStreamIds.key(id, private1 ? data[offset] & 0xff : 0);
        Framer framer = byKey.get(key);
        if (framer == null) {
            framer = register(key, data, offset, length);
            if (framer == null) {
                return;
            }
        }
        int skip = skips.get(key);
        if (length <= skip) {
            return;
        }
        long pts = header.pts() >= 0 ? timeline.unwrap(header.pts()) : Ticks.NONE;
        long dts = header.dts() >= 0 && pts != Ticks.NONE ? timeline.unwrap(header.dts()) : pts;
        framer.push(new PesChunk(data, offset + skip, length - skip, pts, dts, false, start));
    }

    /** A stream seen for the first time: classify it, while the head is read. */
    private Framer register(int key, byte[] data, int offset, int length) {
        if (locked) {
            return null;
        }
        Optional<PsStreamIds.Kind> kind = PsStreamIds.classify(key, scanner.mpeg2());
        if (kind.isEmpty()) {
            return null;
        }
        MpegStreamCodec codec = kind.get().codec();
        Optional<MpegStreamCodec> mapped = PsStreamMap.codec(mappedTypes.get(key));
        Framer framer;
        if (mapped.isPresent()) {
            codec = mapped.get();
            framer = Framers.create(framers.size(), sink, codec);
        } else if (codec.kind() == MpegStreamCodec.Kind.VIDEO) {
            framer = Framers.video(framers.size(), sink, PsVideoSniffer.codec(data, offset, length,
                    scanner.mpeg2()));
        } else {
            framer = Framers.create(framers.size(), sink, codec);
        }
        // private stream 1 loses its substream header here; LPCM keeps its format header for its framer to read
        int skip = codec.parse() == MpegStreamCodec.Parse.LPCM_DVD ? 1 : kind.get().skip();
        framers.add(framer);
        byKey.put(key, framer);
        skips.put(key, skip);
        return framer;
    }

    @Override
    public void restart(long at) {
        scanner = new PsScanner(channel, Math.max(0, at), size);
        position = Math.max(0, at);
        ended = false;
        framers.forEach(Framer::reset);
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public long dataStart() {
        return 0;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public List<Framer> framers() {
        return List.copyOf(framers);
    }

    @Override
    public Optional<String> language(int stream) {
        return Optional.empty();
    }

    @Override
    public long discoveryBytes() {
        return DISCOVERY;
    }

    @Override
    public void lock() {
        locked = true;
    }

    @Override
    public String problem() {
        return String.format("no audio or video PES packets in the first %,d bytes of the program stream",
                Math.min(size, MpegDemuxer.HEAD_BUDGET));
    }
}
