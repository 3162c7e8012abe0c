package org.diva.transcode.probe.mpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PesAssemblerTest {
    private final List<PesHeader> headers = new ArrayList<>();
    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
    private final PesAssembler assembler = new PesAssembler(new PesAssembler.Listener() {
        @Override
        public void packetStart(PesHeader header) {
            headers.add(header);
        }

        @Override
        public void payload(byte[] data, int offset, int length) {
            payload.write(data, offset, length);
        }
    });

    /** A video PES header with PTS 900,000 (10 s) and a payload of {@code length} counting bytes. */
    private static byte[] pes(int packetLength, int payloadBytes) {
        byte[] pes = new byte[14 + payloadBytes];
        byte[] header = {0, 0, 1, (byte) 0xe0, (byte) (packetLength >> 8), (byte) packetLength, (byte) 0x80,
            (byte) 0x80, 5, 0x21, 0x00, 0x37, 0x77, 0x41};
        System.arraycopy(header, 0, pes, 0, header.length);
        for (int i = 0; i < payloadBytes; i++) {
            pes[14 + i] = (byte) i;
        }
        return pes;
    }

    /** A packet whose payload is exactly {@code payload}, the rest taken up by an adaptation field. */
    private static TsPacket packet(boolean unitStart, byte[] payload) {
        byte[] data = new byte[188];
        data[0] = 0x47;
        data[1] = (byte) (unitStart ? 0x41 : 0x01);
        data[3] = 0x30;
        int adaptation = 188 - 4 - 1 - payload.length;
        data[4] = (byte) adaptation;
        Arrays.fill(data, 6, 5 + adaptation, (byte) 0xff);
        System.arraycopy(payload, 0, data, 5 + adaptation, payload.length);
        TsPacket packet = new TsPacket();
        packet.read(data, 0, 0);
        return packet;
    }

    @Test
    void readsAHeaderSplitAcrossPackets() {
        byte[] pes = pes(0, 300);
        assembler.push(packet(true, Arrays.copyOfRange(pes, 0, 7)));
        assertEquals(List.of(), headers, "the header is not complete yet");
        assembler.push(packet(false, Arrays.copyOfRange(pes, 7, 150)));
        assembler.push(packet(false, Arrays.copyOfRange(pes, 150, pes.length)));
        assertEquals(List.of(new PesHeader(0xe0, 0, 14, 900_000)), headers);
        assertArrayEquals(Arrays.copyOfRange(pes, 14, pes.length), payload.toByteArray());
    }

    @Test
    void stopsAtThePacketLengthAndWaitsForTheNextStart() {
        byte[] pes = pes(8 + 20, 20); // PES_packet_length counts the 8 header bytes after it, then 20 bytes
        byte[] tail = new byte[40];
        System.arraycopy(pes, 0, tail, 0, pes.length);
        assembler.push(packet(true, tail)); // 6 stray bytes after the PES packet
        assembler.push(packet(false, new byte[30])); // continuation without a start: not this PES any more
        assertEquals(1, headers.size());
        assertEquals(20, payload.size());
    }

    @Test
    void ignoresAStartThatIsNoPesHeader() {
        assembler.push(packet(true, new byte[] {0, 0, 2, (byte) 0xe0, 0, 0, (byte) 0x80, 0, 0, 1, 2, 3}));
        assembler.push(packet(false, new byte[50]));
        assertEquals(List.of(), headers);
        assertEquals(0, payload.size());
    }
}
