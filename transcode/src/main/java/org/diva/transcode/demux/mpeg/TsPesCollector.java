package org.diva.transcode.demux.mpeg;

import java.io.IOException;
import java.util.Arrays;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.mpeg.PesHeader;
import org.diva.transcode.probe.mpeg.TsPacket;
import org.diva.transcode.stream.Ticks;

/**
 * Collects the transport packets of one PID into whole PES packets (ISO/IEC 13818-1 section 2.4.3.6) for its
 * framer. A PES packet ends when its PES_packet_length is reached or, for the unbounded video form, when the next
 * one starts. The continuity counter (section 2.4.3.3) tells of lost packets: one repeat is allowed and ignored;
 * a jump drops the PES packet being collected and tells the framer to drop what it holds partially, so damage
 * costs the access units it touched and no more. A PES packet may not exceed {@link #MAX_PES} bytes.
 */
final class TsPesCollector {
    static final int MAX_PES = 8 * 1024 * 1024;

    private final Framer framer;
    private final Timeline timeline;
    private byte[] buffer = new byte[16 * 1024];
    private int length;
    private boolean collecting;
    private boolean randomAccess;
    private long startPosition;
    private int lastCounter = -1;
    private long declared = -1;

    TsPesCollector(Framer framer, Timeline timeline) {
        this.framer = framer;
        this.timeline = timeline;
    }

    /** @param start file position of the packet, its BDAV prefix included */
    void push(TsPacket packet, long start) throws IOException {
        if (!packet.hasPayload()) {
            return; // the counter only counts packets with payload
        }
        int counter = packet.continuityCounter();
        if (lastCounter >= 0 && counter == lastCounter) {
            return; // a duplicate packet
        }
        boolean lost = lastCounter >= 0 && counter != ((lastCounter + 1) & 0xf);
        lastCounter = counter;
        if (lost) {
            collecting = false;
            framer.reset();
        }
        if (packet.unitStart()) {
            finish();
            collecting = true;
            length = 0;
            declared = -1;
            startPosition = start;
            randomAccess = packet.randomAccess();
        }
        if (!collecting) {
            return;
        }
        append(packet.data(), packet.payloadOffset(), packet.payloadLength());
        if (declared < 0 && length >= 6) {
            int packetLength = ((buffer[4] & 0xff) << 8) | (buffer[5] & 0xff);
            declared = packetLength == 0 ? 0 : 6L + packetLength;
        }
        if (declared > 0 && length >= declared) {
            finish();
        }
    }

    /** The input ended or moved: hand on a PES packet still open, as far as it got. */
    void end() throws IOException {
        finish();
    }

    void reset() {
        collecting = false;
        lastCounter = -1;
        length = 0;
    }

    private void append(byte[] data, int offset, int count) throws MediaFormatException {
        if ((long) length + count > MAX_PES) {
            throw new MediaFormatException(String.format("the PES packet at byte %,d grows past %,d bytes without"
                    + " ending", startPosition, MAX_PES));
        }
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
        System.arraycopy(data, offset, buffer, length, count);
        length += count;
    }

    private void finish() throws IOException {
        if (!collecting) {
            return;
        }
        collecting = false;
        PesHeader header = PesHeader.parse(buffer, 0, length);
        if (header == null || header == PesHeader.INCOMPLETE) {
            framer.reset(); // not a PES packet: the stream's bytes are out of step
            return;
        }
        int end = declared > 0 ? (int) Math.min(length, declared) : length;
        if (end <= header.headerLength()) {
            return;
        }
        long pts = header.pts() >= 0 ? timeline.unwrap(header.pts()) : Ticks.NONE;
        long dts = header.dts() >= 0 ? timeline.unwrap(header.dts()) : pts;
        framer.push(new PesChunk(buffer, header.headerLength(), end - header.headerLength(), pts,
                pts == Ticks.NONE ? Ticks.NONE : dts, randomAccess, startPosition));
    }
}
