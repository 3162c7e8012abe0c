package org.diva.transcode.mux.ts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.diva.transcode.mux.Muxer;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;

/**
 * Writes a single-program MPEG-TS (ISO/IEC 13818-1) as it goes: nothing is kept but a few seconds of interleaving
 * and one output buffer, so it can feed an HTTP response of any length.
 *
 * <p>Timing: every timestamp is shifted by one offset, chosen at the first packet so that the earliest decoding time
 * of any stream becomes {@code start + pcrDelay}; streams keep their relative timing (A/V sync) exactly. The
 * program clock runs {@code pcrDelay} behind the decoding time of the packet being written, so each access unit
 * arrives that long before it is due. A PCR goes out on the video PID (the first audio PID when there is no video)
 * in the adaptation field of every PES there, and in packets of its own wherever the time since the last one would
 * otherwise exceed {@code pcrEvery}; PAT and PMT go out at the start, before every video keyframe (so a receiver can tune in
 * there) and every {@code psiEvery}.
 */
public final class TsMuxer implements Muxer {
    private static final int FIRST_PID = 0x100;

    private final TsSettings settings;
    private final TsPacketWriter writer;
    private final List<TsStream> outputs = new ArrayList<>();
    private final List<AccessUnitFraming> framing = new ArrayList<>();
    private final Map<Integer, Integer> slotOfStream = new HashMap<>();
    private final int pcrPid;
    private final byte[] pat;
    private final byte[] pmt;
    private final long[] lastDts;
    private long offset = Ticks.NONE;
    private long clock;
    private long lastPcr = Long.MIN_VALUE;
    private long lastPsi = Long.MIN_VALUE;
    private boolean closed;

    /**
     * @param streams the streams to carry (video, audio); packets name them by {@link ElementaryStream#index()}
     * @throws IllegalArgumentException for a codec MPEG-TS cannot carry, or no streams
     */
    public TsMuxer(List<ElementaryStream> streams, WritableByteChannel out, TsSettings settings) {
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("a transport stream needs at least one stream");
        }
        this.settings = settings;
        this.writer = new TsPacketWriter(out, settings.m2ts());
        int pcr = -1;
        for (ElementaryStream s : streams) {
            if (slotOfStream.put(s.index(), outputs.size()) != null) {
                throw new IllegalArgumentException("stream index " + s.index() + " given twice");
            }
            TsStream ts = TsStream.of(s, FIRST_PID + outputs.size());
            outputs.add(ts);
            framing.add(new AccessUnitFraming(s));
            if (ts.isVideo() && (pcr < 0 || !outputs.get(pcr).isVideo())) {
                pcr = outputs.size() - 1;
            }
        }
        this.pcrPid = outputs.get(Math.max(pcr, 0)).pid();
        this.pat = PsiTables.pat();
        this.pmt = PsiTables.pmt(pcrPid, outputs);
        this.lastDts = new long[outputs.size()];
    }

    public static TsMuxer toStream(List<ElementaryStream> streams, OutputStream out, TsSettings settings) {
        return new TsMuxer(streams, Channels.newChannel(out), settings);
    }

    /** Bytes handed to the output so far, buffered ones included. */
    public long bytesWritten() {
        return writer.bytesWritten();
    }

    /** Packets go out in the order they come, so the next packet starts here. */
    @Override
    public OptionalLong position() {
        return OptionalLong.of(writer.bytesWritten());
    }

    @Override
    public void write(Packet packet) throws IOException {
        if (closed) {
            throw new IllegalStateException("the muxer is finished or closed");
        }
        Integer slot = slotOfStream.get(packet.stream());
        if (slot == null) {
            throw new IllegalArgumentException("packet of stream " + packet.stream() + ", which this muxer was "
                    + "not created with");
        }
        if (packet.decodeTime() == Ticks.NONE) {
            packet = new Packet(packet.stream(), lastDts[slot], lastDts[slot], packet.duration(), packet.keyframe(),
                    packet.data()); // untimed: goes out with the stream's previous time
        }
        lastDts[slot] = packet.decodeTime();
        emit(slot, packet);
    }

    @Override
    public void finish() throws IOException {
        if (closed) {
            return;
        }
        writer.flush();
        closed = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void emit(int slot, Packet p) throws IOException {
        TsStream s = outputs.get(slot);
        if (offset == Ticks.NONE) {
            offset = settings.start() + settings.pcrDelay() - p.decodeTime();
        }
        long dts = Math.max(0, p.decodeTime() + offset);
        long pts = Math.max(dts, (p.pts() == Ticks.NONE ? p.decodeTime() : p.pts()) + offset);
        clock = Math.max(clock, Math.max(settings.start(), dts - settings.pcrDelay()));
        writer.clock(clock);
        boolean key = s.isVideo() && p.keyframe();
        if (lastPsi == Long.MIN_VALUE || key || clock - lastPsi >= settings.psiEvery()) {
            writer.section(0, pat);
            writer.section(PsiTables.PMT_PID, pmt);
            lastPsi = clock;
        }
        long pcr = -1;
        if (lastPcr != Long.MIN_VALUE && clock - lastPcr <= Ticks.PER_SECOND) {
            // Between two packets far apart in time (audio frames of 21 ms after a PCR, sparse video) the clock
            // still has to be sent every pcrEvery: PCRs at the times in between, which the bytes lie between.
            while (clock - lastPcr > settings.pcrEvery()) {
                lastPcr += settings.pcrEvery();
                writer.pcrOnly(pcrPid, lastPcr);
            }
        }
        if (s.pid() == pcrPid) {
            pcr = clock; // every PES on the PCR PID carries one: 8 bytes a frame
            lastPcr = clock;
        } else if (lastPcr == Long.MIN_VALUE || clock - lastPcr >= settings.pcrEvery()) {
            writer.pcrOnly(pcrPid, clock);
            lastPcr = clock;
        }
        ByteBuffer[] pieces = framing.get(slot).frame(p.data().duplicate());
        writer.pes(s.pid(), PesHeaders.header(s, pts, dts, pieces), pieces, key, pcr);
    }
}
