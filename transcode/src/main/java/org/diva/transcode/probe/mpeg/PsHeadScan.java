package org.diva.transcode.probe.mpeg;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.diva.transcode.codec.LpcmHeader;

/**
 * Reads the head of an MPEG-PS file: which streams it has (a program stream declares no stream list DiVA can use,
 * so streams are taken in the order their first packets appear) and what their first packets tell. It reads at
 * least 1 MiB (about a second of DVD video), so that streams whose first packet comes late are not missed, and
 * stops once every stream found has told all it can.
 */
final class PsHeadScan implements PsScanner.Listener {
    static final int MIN_SCAN = 1024 * 1024;

    private final Map<Integer, MpegStreamHead> streams = new LinkedHashMap<>();
    private final Map<Integer, Integer> skips = new LinkedHashMap<>();
    private final PtsClock clock;
    private final long from;
    private final long limit;
    private PsScanner scanner;
    private long firstScr = -1;

    PsHeadScan(long from, long limit, PtsClock clock) {
        this.from = from;
        this.limit = limit;
        this.clock = clock;
    }

    /** Scans {@code [from, limit)}, which starts with a pack header. */
    PsHeadScan run(SeekableByteChannel channel) throws IOException {
        scanner = new PsScanner(channel, from, limit);
        scanner.run(this);
        streams.values().forEach(MpegStreamHead::finish);
        return this;
    }

    /** The stream keys ({@link PsStreamIds#key}) in order of appearance. */
    List<Integer> keys() {
        return new ArrayList<>(streams.keySet());
    }

    List<MpegStreamHead> streams() {
        return new ArrayList<>(streams.values());
    }

    /** Payload bytes to skip at the start of each PES packet of a stream (the private stream 1 headers). */
    int skip(int key) {
        return skips.getOrDefault(key, 0);
    }

    long firstScr() {
        return firstScr;
    }

    PsScanner scanner() {
        return scanner;
    }

    @Override
    public void pack(long scr) {
        if (firstScr < 0 && scr >= 0) {
            firstScr = scr;
        }
    }

    @Override
    public void pes(PesHeader header, byte[] data, int offset, int length) {
        int substream = length > 0 ? data[offset] & 0xff : -1;
        if (header.streamId() == PsStreamIds.PRIVATE_STREAM_1 && substream < 0) {
            return;
        }
        int key = PsStreamIds.key(header.streamId(), substream);
        MpegStreamHead state = streams.get(key);
        if (state == null) {
            Optional<PsStreamIds.Kind> kind = PsStreamIds.classify(key, scanner.mpeg2());
            if (kind.isEmpty()) {
                return;
            }
            state = new MpegStreamHead(kind.get().codec(), Optional.empty());
            streams.put(key, state);
            skips.put(key, kind.get().skip());
        }
        int skip = Math.min(length, skips.get(key));
        if (state.codec().parse() == MpegStreamCodec.Parse.LPCM_DVD) {
            LpcmHeader.parseDvd(data, offset + 1, offset + length).map(MpegEsInspector::pcm).ifPresent(state::resolve);
        }
        state.packetStart(header.pts(), clock);
        state.payload(data, offset + skip, length - skip);
    }

    @Override
    public boolean done(long position) {
        return position - from >= MIN_SCAN && !streams.isEmpty()
                && streams.values().stream().allMatch(MpegStreamHead::settled);
    }
}
