package org.diva.transcode.probe.mpeg;

/**
 * Cuts one PID's transport packets into PES packets (ISO/IEC 13818-1 section 2.4.3.6): a packet with
 * payload_unit_start_indicator begins one, its header may continue into the next packets, and the payload runs to
 * PES_packet_length or, when that is 0, to the next start. Only the first bytes matter to a probe, so the
 * assembler hands bytes on as they come instead of buffering whole PES packets.
 */
final class PesAssembler {
    /** Receives the PES packets of one stream. */
    interface Listener {
        void packetStart(PesHeader header);

        void payload(byte[] data, int offset, int length);
    }

    private final Listener listener;
    private final byte[] header = new byte[PesHeader.MAX_HEADER];
    private int headerLength;
    private boolean inHeader;
    private boolean inPayload;
    private long remaining;

    PesAssembler(Listener listener) {
        this.listener = listener;
    }

    void push(TsPacket packet) {
        if (packet.unitStart) {
            inHeader = true;
            inPayload = false;
            headerLength = 0;
        }
        if (!packet.hasPayload) {
            return;
        }
        int at = packet.payloadOffset;
        int length = packet.payloadLength;
        if (inHeader) {
            int n = Math.min(length, header.length - headerLength);
            System.arraycopy(packet.data, at, header, headerLength, n);
            headerLength += n;
            PesHeader parsed = PesHeader.parse(header, 0, headerLength);
            if (parsed == PesHeader.INCOMPLETE && headerLength < header.length) {
                return;
            }
            inHeader = false;
            if (parsed == null || parsed == PesHeader.INCOMPLETE) {
                return; // not a PES header: wait for the next unit start
            }
            listener.packetStart(parsed);
            inPayload = true;
            remaining = parsed.packetLength() == 0 ? Long.MAX_VALUE : 6L + parsed.packetLength();
            remaining -= parsed.headerLength();
            deliver(header, parsed.headerLength(), headerLength - parsed.headerLength());
            deliver(packet.data, at + n, length - n);
        } else if (inPayload) {
            deliver(packet.data, at, length);
        }
    }

    private void deliver(byte[] data, int offset, int length) {
        int n = (int) Math.min(length, remaining);
        if (n > 0) {
            listener.payload(data, offset, n);
            remaining -= n;
        }
    }
}
