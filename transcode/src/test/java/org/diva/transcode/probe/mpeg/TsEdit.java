package org.diva.transcode.probe.mpeg;

import java.util.Arrays;
import java.util.function.IntPredicate;

/** Edits 188-byte transport packets in place, to make damaged and unusual streams from good fixtures. */
final class TsEdit {
    static final int PACKET = 188;

    private TsEdit() {
    }

    static int pid(byte[] ts, int packet) {
        int at = packet * PACKET;
        return ((ts[at + 1] & 0x1f) << 8) | (ts[at + 2] & 0xff);
    }

    static boolean unitStart(byte[] ts, int packet) {
        return (ts[packet * PACKET + 1] & 0x40) != 0;
    }

    /** The PMT PID of the first program in the first PAT packet (no adaptation field, pointer field 0). */
    static int pmtPid(byte[] ts) {
        for (int p = 0; p < ts.length / PACKET; p++) {
            if (pid(ts, p) == 0) {
                int section = p * PACKET + 5;
                return ((ts[section + 10] & 0x1f) << 8) | (ts[section + 11] & 0xff);
            }
        }
        throw new IllegalArgumentException("no PAT");
    }

    /** Turns every packet on a matching PID into a null packet. */
    static byte[] nullOut(byte[] ts, IntPredicate pids) {
        byte[] out = ts.clone();
        for (int p = 0; p < out.length / PACKET; p++) {
            if (pids.test(pid(out, p))) {
                System.arraycopy(nullPacket(), 0, out, p * PACKET, PACKET);
            }
        }
        return out;
    }

    static byte[] nullPacket() {
        byte[] packet = new byte[PACKET];
        Arrays.fill(packet, (byte) 0xff);
        packet[0] = 0x47;
        packet[1] = 0x1f;
        packet[2] = (byte) 0xff;
        packet[3] = 0x10;
        return packet;
    }

    static byte[] nullPackets(int count) {
        byte[] out = new byte[count * PACKET];
        for (int i = 0; i < count; i++) {
            System.arraycopy(nullPacket(), 0, out, i * PACKET, PACKET);
        }
        return out;
    }

    /** Sets section_length in the PMT packets (the first {@code limit} of them) to {@code sectionLength}. */
    static byte[] setPmtSectionLength(byte[] ts, int sectionLength, int limit) {
        byte[] out = ts.clone();
        int pmt = pmtPid(ts);
        int done = 0;
        for (int p = 0; p < out.length / PACKET && done < limit; p++) {
            if (pid(out, p) == pmt && unitStart(out, p)) {
                int section = p * PACKET + 5 + (out[p * PACKET + 4] & 0xff);
                out[section + 1] = (byte) ((out[section + 1] & 0xf0) | (sectionLength >> 8));
                out[section + 2] = (byte) sectionLength;
                done++;
            }
        }
        return out;
    }

    /** Adds {@code ticks} (mod 2^33) to every PTS and DTS of PES headers that start in a packet. */
    static byte[] shiftTimestamps(byte[] ts, long ticks) {
        byte[] out = ts.clone();
        for (int p = 0; p < out.length / PACKET; p++) {
            int at = p * PACKET;
            if (!unitStart(out, p) || pid(out, p) < 0x20 || pid(out, p) == 0x1fff) {
                continue;
            }
            int payload = at + 4 + (((out[at + 3] >> 4) & 3) == 3 ? 1 + (out[at + 4] & 0xff) : 0);
            if (out[payload] != 0 || out[payload + 1] != 0 || out[payload + 2] != 1) {
                continue;
            }
            int flags = (out[payload + 7] & 0xff) >> 6;
            if (flags >= 2) {
                shift(out, payload + 9, ticks);
            }
            if (flags == 3) {
                shift(out, payload + 14, ticks);
            }
        }
        return out;
    }

    private static void shift(byte[] data, int at, long ticks) {
        long value = PesHeader.timestamp(data, at);
        long shifted = (value + ticks) & ((1L << 33) - 1);
        int prefix = data[at] & 0xf0;
        data[at] = (byte) (prefix | ((shifted >> 29) & 0x0e) | 1);
        data[at + 1] = (byte) (shifted >> 22);
        data[at + 2] = (byte) (((shifted >> 14) & 0xfe) | 1);
        data[at + 3] = (byte) (shifted >> 7);
        data[at + 4] = (byte) (((shifted << 1) & 0xfe) | 1);
    }
}
