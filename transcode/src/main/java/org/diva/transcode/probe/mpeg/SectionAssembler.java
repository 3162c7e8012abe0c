package org.diva.transcode.probe.mpeg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reassembles the PSI sections (ISO/IEC 13818-1 section 2.4.4) of one PID from its packets: a section may start
 * anywhere after the pointer field, span several packets, and be followed by another section or by 0xFF stuffing.
 * Sections that are too long, cut off or interrupted by a lost packet are dropped, and the last such problem is
 * kept to explain a table that never arrives.
 */
public final class SectionAssembler {
    /** section_length may not exceed 1,021 (0x3FD) for PAT and PMT, so a section is at most 1,024 bytes. */
    static final int MAX_SECTION_LENGTH = 1021;

    private final String name;
    private final byte[] section = new byte[3 + MAX_SECTION_LENGTH];
    private int length;
    private int expected = -1;
    private boolean assembling;
    private long startPosition;
    private int lastCounter = -1;
    private String problem;

    /** @param name what the sections are, for messages ("PMT") */
    public SectionAssembler(String name) {
        this.name = name;
    }

    /** Feeds one packet of the PID; returns the sections it completes (usually none or one). */
    public List<byte[]> push(TsPacket packet) {
        List<byte[]> done = new ArrayList<>(1);
        if (!packet.hasPayload) {
            return done;
        }
        boolean duplicate = packet.continuityCounter == lastCounter;
        boolean lost = lastCounter >= 0 && packet.continuityCounter != ((lastCounter + 1) & 0xf) && !duplicate;
        lastCounter = packet.continuityCounter;
        if (duplicate) {
            return done;
        }
        if (lost && assembling) {
            drop(String.format("a packet of the %s section at byte %,d was lost (continuity counter jump)", name,
                    startPosition));
        }
        byte[] data = packet.data;
        int at = packet.payloadOffset;
        int end = at + packet.payloadLength;
        if (packet.unitStart) {
            int pointer = data[at] & 0xff;
            at++;
            if (at + pointer > end) {
                drop(String.format("the pointer field of the %s packet at byte %,d points past the packet", name,
                        packet.position));
                return done;
            }
            if (assembling) {
                at = append(data, at, at + pointer, done);
                if (assembling) {
                    drop(cutShort("the next section began"));
                }
            }
            at = packet.payloadOffset + 1 + pointer;
            while (at < end && (data[at] & 0xff) != 0xff) { // 0xFF: stuffing to the end of the packet
                assembling = true;
                startPosition = packet.position;
                at = append(data, at, end, done);
                if (assembling) {
                    break;
                }
            }
        } else if (assembling) {
            append(data, at, end, done);
        }
        return done;
    }

    /** Why sections were dropped, if they were; includes a section still waiting for its end. */
    public String problem() {
        if (assembling && expected >= 0) {
            return cutShort("the data ended");
        }
        return problem;
    }

    private String cutShort(String event) {
        return String.format("the %s section at byte %,d declares section_length %,d, but only %,d bytes of it"
                + " arrived before %s", name, startPosition, expected - 3, length - 3, event);
    }

    /** Appends {@code data[from, to)} to the section; returns where the section ended, or {@code to}. */
    private int append(byte[] data, int from, int to, List<byte[]> done) {
        int at = from;
        while (at < to && assembling) {
            int want = expected < 0 ? 3 - length : expected - length;
            int n = Math.min(want, to - at);
            System.arraycopy(data, at, section, length, n);
            length += n;
            at += n;
            if (expected < 0 && length == 3) {
                int sectionLength = ((section[1] & 0x0f) << 8) | (section[2] & 0xff);
                if (sectionLength > MAX_SECTION_LENGTH) {
                    drop(String.format("the %s section at byte %,d declares section_length %,d, more than the"
                            + " %,d allowed", name, startPosition, sectionLength, MAX_SECTION_LENGTH));
                    return to;
                }
                expected = 3 + sectionLength;
            }
            if (length == expected) {
                done.add(Arrays.copyOf(section, length));
                reset();
            }
        }
        return at;
    }

    private void drop(String why) {
        problem = why;
        reset();
    }

    private void reset() {
        assembling = false;
        length = 0;
        expected = -1;
    }
}
