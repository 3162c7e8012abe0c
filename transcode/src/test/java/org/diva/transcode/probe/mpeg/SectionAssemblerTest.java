package org.diva.transcode.probe.mpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionAssemblerTest {
    private int counter;

    /** A PMT-like section of {@code sectionLength} bytes after its 3-byte header, filled with a pattern. */
    private static byte[] section(int sectionLength) {
        byte[] s = new byte[3 + sectionLength];
        s[0] = 0x02;
        s[1] = (byte) (0xb0 | (sectionLength >> 8));
        s[2] = (byte) sectionLength;
        for (int i = 3; i < s.length; i++) {
            s[i] = (byte) (i % 251);
        }
        return s;
    }

    /** A packet carrying {@code payload} (padded with 0xFF), with a pointer field when it starts a unit. */
    private TsPacket packet(boolean unitStart, int pointer, byte[] payload) {
        byte[] data = new byte[188];
        Arrays.fill(data, (byte) 0xff);
        data[0] = 0x47;
        data[1] = (byte) (unitStart ? 0x50 : 0x10);
        data[2] = 0x00;
        data[3] = (byte) (0x10 | (counter++ & 0xf));
        int at = 4;
        if (unitStart) {
            data[at++] = (byte) pointer;
        }
        System.arraycopy(payload, 0, data, at, Math.min(payload.length, 188 - at));
        TsPacket packet = new TsPacket();
        packet.read(data, 0, 0);
        return packet;
    }

    @Test
    void assemblesASectionSpanningThreePackets() {
        byte[] s = section(400);
        SectionAssembler assembler = new SectionAssembler("PMT");
        assertEquals(List.of(), assembler.push(packet(true, 0, Arrays.copyOfRange(s, 0, 183))));
        assertEquals(List.of(), assembler.push(packet(false, 0, Arrays.copyOfRange(s, 183, 367))));
        List<byte[]> done = assembler.push(packet(false, 0, Arrays.copyOfRange(s, 367, s.length)));
        assertEquals(1, done.size());
        assertArrayEquals(s, done.get(0));
        assertNull(assembler.problem());
    }

    @Test
    void readsTwoSectionsInOnePacketAndTheTailOfOneBeforeThePointer() {
        byte[] first = section(200);
        byte[] second = section(20);
        byte[] third = section(30);
        SectionAssembler assembler = new SectionAssembler("PMT");
        assembler.push(packet(true, 0, Arrays.copyOfRange(first, 0, 183)));
        byte[] payload = new byte[first.length - 183 + second.length + third.length];
        System.arraycopy(first, 183, payload, 0, first.length - 183);
        System.arraycopy(second, 0, payload, first.length - 183, second.length);
        System.arraycopy(third, 0, payload, first.length - 183 + second.length, third.length);
        List<byte[]> done = assembler.push(packet(true, first.length - 183, payload));
        assertEquals(3, done.size());
        assertArrayEquals(first, done.get(0));
        assertArrayEquals(second, done.get(1));
        assertArrayEquals(third, done.get(2));
    }

    @Test
    void dropsASectionLongerThanAllowed() {
        SectionAssembler assembler = new SectionAssembler("PMT");
        assertEquals(List.of(), assembler.push(packet(true, 0, section(1022))));
        assertTrue(assembler.problem().endsWith("declares section_length 1,022, more than the 1,021 allowed"),
                assembler.problem());
    }

    @Test
    void dropsASectionInterruptedByTheNextOne() {
        SectionAssembler assembler = new SectionAssembler("PMT");
        assembler.push(packet(true, 0, Arrays.copyOf(section(500), 183)));
        byte[] next = section(10);
        List<byte[]> done = assembler.push(packet(true, 0, next));
        assertEquals(1, done.size());
        assertArrayEquals(next, done.get(0));
        assertEquals("the PMT section at byte 0 declares section_length 500, but only 180 bytes of it arrived before"
                + " the next section began", assembler.problem());
    }

    @Test
    void dropsASectionWhenAPacketIsLostAndIgnoresDuplicates() {
        byte[] s = section(400);
        SectionAssembler assembler = new SectionAssembler("PMT");
        TsPacket first = packet(true, 0, Arrays.copyOfRange(s, 0, 183));
        assembler.push(first);
        assertEquals(List.of(), assembler.push(first), "a duplicate packet is ignored");
        counter++; // one packet lost
        assertEquals(List.of(), assembler.push(packet(false, 0, Arrays.copyOfRange(s, 183, 367))));
        assertTrue(assembler.problem().startsWith("a packet of the PMT section at byte 0 was lost"));
    }

    @Test
    void reportsASectionTheDataEndedIn() {
        SectionAssembler assembler = new SectionAssembler("PAT");
        assembler.push(packet(true, 0, Arrays.copyOf(section(300), 183)));
        assertEquals("the PAT section at byte 0 declares section_length 300, but only 180 bytes of it arrived before"
                + " the data ended", assembler.problem());
    }

    @Test
    void rejectsAPointerPastThePacket() {
        SectionAssembler assembler = new SectionAssembler("PAT");
        assertEquals(List.of(), assembler.push(packet(true, 200, section(10))));
        assertTrue(assembler.problem().contains("points past the packet"));
    }
}
