package org.diva.transcode.mux.ts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * Cuts PES packets and PSI sections into 188-byte transport packets (ISO/IEC 13818-1 section 2.4.3) and writes
 * them through a fixed buffer, so memory stays bounded however long the stream runs.
 *
 * <p>Each PID has its own 4-bit continuity counter, which advances only on packets with payload (section 2.4.3.3).
 * The first packet of a PES sets payload_unit_start_indicator and may carry an adaptation field with the
 * random_access_indicator (a keyframe starts here) and a PCR; the last is padded to 188 bytes with adaptation-field
 * stuffing, never with payload bytes, as the standard requires for PES. In M2TS mode every packet is preceded by a
 * 4-byte TP_extra_header whose 30-bit arrival_time_stamp is the 27 MHz clock at that point.
 */
final class TsPacketWriter {
    static final int PACKET = 188;
    private static final int BUFFER = 256 * 192;

    private final WritableByteChannel out;
    private final boolean m2ts;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private final int[] continuity = new int[8192];
    /** The 90 kHz program clock at the packets being written, for M2TS arrival stamps. */
    private long clock;
    private long bytesWritten;

    TsPacketWriter(WritableByteChannel out, boolean m2ts) {
        this.out = out;
        this.m2ts = m2ts;
    }

    void clock(long ticks) {
        clock = ticks;
    }

    long bytesWritten() {
        return bytesWritten + buffer.position();
    }

    /** Writes a PSI section (pointer_field 0, then the section, then 0xFF filler). */
    void section(int pid, byte[] section) throws IOException {
        if (section.length > PACKET - 5) {
            throw new IllegalArgumentException("PSI section of " + section.length + " bytes needs several packets");
        }
        ByteBuffer p = begin();
        header(p, pid, true, true, false);
        p.put((byte) 0);
        p.put(section);
        while (p.position() % packetSize() != 0) {
            p.put((byte) 0xFF);
        }
    }

    /** A packet that only carries a PCR, on {@code pid}, without payload (its continuity counter stays). */
    void pcrOnly(int pid, long pcr) throws IOException {
        ByteBuffer p = begin();
        header(p, pid, false, false, true);
        p.put((byte) 183);
        p.put((byte) 0x10);
        putPcr(p, pcr);
        for (int i = 0; i < 183 - 7; i++) {
            p.put((byte) 0xFF);
        }
    }

    /**
     * Writes one PES packet: {@code header} then the payload pieces, over as many transport packets as needed.
     *
     * @param randomAccess set random_access_indicator on the first packet
     * @param pcr          the PCR to put in the first packet, or -1 for none
     */
    void pes(int pid, byte[] header, ByteBuffer[] payload, boolean randomAccess, long pcr) throws IOException {
        long total = header.length;
        for (ByteBuffer piece : payload) {
            total += piece.remaining();
        }
        int headerLeft = 0;
        int piece = 0;
        boolean first = true;
        while (total > 0) {
            int adaptation = 0; // bytes of adaptation field, its length byte included
            if (first && (randomAccess || pcr >= 0)) {
                adaptation = 2 + (pcr >= 0 ? 6 : 0);
            }
            int room = 184 - adaptation;
            int stuffing = 0;
            if (total < room) {
                stuffing = room - (int) total;
                adaptation += stuffing;
            }
            ByteBuffer p = begin();
            header(p, pid, first, true, adaptation > 0 || stuffing > 0);
            if (adaptation > 0) {
                p.put((byte) (adaptation - 1));
                if (adaptation > 1) {
                    int flags = (first && randomAccess ? 0x40 : 0) | (first && pcr >= 0 ? 0x10 : 0);
                    p.put((byte) flags);
                    if (first && pcr >= 0) {
                        putPcr(p, pcr);
                    }
                    int fill = adaptation - 2 - (first && pcr >= 0 ? 6 : 0);
                    for (int i = 0; i < fill; i++) {
                        p.put((byte) 0xFF);
                    }
                }
            }
            int space = 184 - adaptation;
            total -= space;
            while (space > 0) {
                if (headerLeft < header.length) {
                    int n = Math.min(space, header.length - headerLeft);
                    p.put(header, headerLeft, n);
                    headerLeft += n;
                    space -= n;
                } else {
                    ByteBuffer src = payload[piece];
                    int n = Math.min(space, src.remaining());
                    p.put(p.position(), src, src.position(), n);
                    p.position(p.position() + n);
                    src.position(src.position() + n);
                    space -= n;
                    if (!src.hasRemaining()) {
                        piece++;
                    }
                }
            }
            first = false;
        }
    }

    private int packetSize() {
        return m2ts ? 192 : PACKET;
    }

    /** Room for one packet in the buffer (flushing first when full), with the M2TS stamp already written. */
    private ByteBuffer begin() throws IOException {
        if (buffer.remaining() < packetSize()) {
            flush();
        }
        if (m2ts) {
            buffer.putInt((int) ((clock * 300) & 0x3FFF_FFFF));
        }
        return buffer;
    }

    private void header(ByteBuffer p, int pid, boolean start, boolean payload, boolean adaptation) {
        p.put((byte) 0x47);
        p.put((byte) ((start ? 0x40 : 0) | (pid >> 8)));
        p.put((byte) pid);
        int cc = continuity[pid];
        if (payload) {
            continuity[pid] = (cc + 1) & 0xF;
        } else {
            cc = (cc + 15) & 0xF; // without payload the counter repeats the previous packet's value
        }
        p.put((byte) ((adaptation ? 0x20 : 0) | (payload ? 0x10 : 0) | cc));
    }

    /** program_clock_reference_base (33 bits), 6 reserved bits, extension 0 (section 2.4.3.5). */
    private static void putPcr(ByteBuffer p, long pcr) {
        long base = pcr & 0x1_FFFF_FFFFL;
        p.putInt((int) (base >>> 1));
        p.put((byte) ((base & 1) << 7 | 0x7E));
        p.put((byte) 0);
    }

    void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            int n = out.write(buffer);
            if (n < 0) {
                throw new IOException("the output channel refused more bytes");
            }
        }
        bytesWritten += buffer.limit();
        buffer.clear();
    }
}
