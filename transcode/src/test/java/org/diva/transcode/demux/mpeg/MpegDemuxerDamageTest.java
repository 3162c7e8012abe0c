package org.diva.transcode.demux.mpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged input: lost and garbled transport packets cost the access units they touched and no more; a cut file ends
 * cleanly; what is no MPEG stream at all is refused with a message.
 */
class MpegDemuxerDamageTest {
    private static final String TS = "mpegdemux/mpeg2_bframes_mp2.ts";

    @TempDir
    Path temp;

    @Test
    void garbageInTheMiddleCostsOnlyTheUnitsItHits() throws IOException {
        byte[] ts = Fixtures.bytes(TS);
        DemuxedPackets good = read(ts);
        byte[] damaged = ts.clone();
        // 20 KB of noise, not packet aligned: lost sync bytes, continuity counter jumps on every PID
        byte[] noise = new byte[20_000];
        new Random(7).nextBytes(noise);
        System.arraycopy(noise, 0, damaged, 60_001, noise.length);
        DemuxedPackets ours = read(damaged);
        for (int stream = 0; stream < 2; stream++) {
            List<Packet> before = good.of(stream);
            List<Packet> after = ours.of(stream);
            assertTrue(after.size() < before.size(), "stream " + stream + " lost something");
            assertTrue(after.size() > before.size() * 3 / 4, "stream " + stream + " kept the rest: " + after.size()
                    + " of " + before.size());
            // every unit that came through is one of the intact file's, byte for byte
            for (Packet p : after) {
                assertTrue(before.stream().anyMatch(q -> q.pts() == p.pts() && q.data().equals(p.data())),
                        "stream " + stream + " packet at " + p.pts() + " is damaged");
            }
        }
        assertEquals(last(good.of(0)), last(ours.of(0)), "reading went on to the end after the damage");
    }

    @Test
    void aDuplicatedPacketIsIgnoredAndADroppedOneCostsItsPesPacket() throws IOException {
        byte[] ts = Fixtures.bytes(TS);
        DemuxedPackets good = read(ts);
        int packet = 200;
        byte[] duplicated = new byte[ts.length + 188];
        System.arraycopy(ts, 0, duplicated, 0, (packet + 1) * 188);
        System.arraycopy(ts, packet * 188, duplicated, (packet + 1) * 188, ts.length - packet * 188);
        DemuxedPackets dup = read(duplicated);
        assertEquals(good.packets().size(), dup.packets().size(), "a duplicate packet changes nothing");

        byte[] dropped = new byte[ts.length - 188];
        System.arraycopy(ts, 0, dropped, 0, packet * 188);
        System.arraycopy(ts, (packet + 1) * 188, dropped, packet * 188, ts.length - (packet + 1) * 188);
        DemuxedPackets lost = read(dropped);
        int missing = good.packets().size() - lost.packets().size();
        // the PES packet it belonged to is dropped: one picture, or up to ~15 MP2 frames (ffmpeg packs 2,880 bytes)
        assertTrue(missing >= 1 && missing <= 16, "a lost packet costs one PES packet's units: " + missing);
    }

    @Test
    void aTruncatedFileEndsCleanly() throws IOException {
        byte[] ts = Fixtures.bytes(TS);
        DemuxedPackets good = read(ts);
        byte[] cut = Arrays.copyOf(ts, ts.length / 2 + 77);
        DemuxedPackets ours = read(cut);
        assertTrue(ours.packets().size() > good.packets().size() / 3);
        assertTrue(ours.packets().size() < good.packets().size());
        byte[] vob = Fixtures.bytes("mpegdemux/mpeg2_ac3.vob");
        Path file = temp.resolve("cut.vob");
        Files.write(file, Arrays.copyOf(vob, vob.length / 2 + 1001));
        DemuxedPackets ps = DemuxedPackets.read(file, MpegDemuxers::openProgramStream);
        assertTrue(ps.of(0).size() > 10 && ps.of(1).size() > 10);
    }

    @Test
    void notAnMpegStreamIsRefused() throws IOException {
        byte[] noise = new byte[100_000];
        new Random(3).nextBytes(noise);
        Path file = temp.resolve("noise.ts");
        Files.write(file, noise);
        MediaFormatException ts = assertThrows(MediaFormatException.class,
                () -> DemuxedPackets.read(file, MpegDemuxers::openTransportStream));
        assertTrue(ts.getMessage().contains("not an MPEG-TS file"), ts.getMessage());
        MediaFormatException ps = assertThrows(MediaFormatException.class,
                () -> DemuxedPackets.read(file, MpegDemuxers::openProgramStream));
        assertTrue(ps.getMessage().contains("no audio or video PES packets"), ps.getMessage());
    }

    @Test
    void aTransportStreamWithoutItsPmtSaysSo() throws IOException {
        byte[] ts = Fixtures.bytes(TS);
        int pmtPid = 0x1000; // ffmpeg's first PMT PID
        for (int at = 0; at + 188 <= ts.length; at += 188) {
            if ((((ts[at + 1] & 0x1f) << 8) | (ts[at + 2] & 0xff)) == pmtPid) {
                ts[at + 1] = (byte) (ts[at + 1] | 0x1f);
                ts[at + 2] = (byte) 0xff; // now a null packet
            }
        }
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> read(ts));
        assertTrue(e.getMessage().contains("no PMT on PID 4096"), e.getMessage());
    }

    @Test
    void theSecondProgramCanBeChosenAndAMissingOneIsNamed() throws IOException {
        Path file = temp.resolve("one.ts");
        Files.write(file, Fixtures.bytes(TS));
        MediaFormatException e = assertThrows(MediaFormatException.class,
                () -> DemuxedPackets.read(file, c -> MpegDemuxers.openTransportStream(c, 7)));
        assertTrue(e.getMessage().contains("no program 7"), e.getMessage());
        DemuxedPackets first = DemuxedPackets.read(file, c -> MpegDemuxers.openTransportStream(c, 1));
        assertEquals(2, first.streams().size());
    }

    @Test
    void aPesPacketThatNeverEndsIsRefusedAtItsStart() throws IOException {
        byte[] ts = Fixtures.bytes(TS);
        int videoPid = 0x100; // ffmpeg's first elementary stream PID
        int first = -1;
        for (int at = 0; at + 188 <= ts.length && first < 0; at += 188) {
            boolean start = (ts[at + 1] & 0x40) != 0;
            if ((((ts[at + 1] & 0x1f) << 8) | (ts[at + 2] & 0xff)) == videoPid && start) {
                first = at;
            }
        }
        int packets = TsPesCollector.MAX_PES / 184 + 100;
        byte[] hostile = Arrays.copyOf(ts, first + 188 + packets * 188);
        for (int k = 0; k < packets; k++) { // payload-only continuation packets, counter in step, no unit start
            int at = first + 188 + k * 188;
            Arrays.fill(hostile, at, at + 188, (byte) 0x11);
            hostile[at] = 0x47;
            hostile[at + 1] = (byte) (videoPid >> 8);
            hostile[at + 2] = (byte) videoPid;
            hostile[at + 3] = (byte) (0x10 | ((ts[first + 3] + 1 + k) & 0xf));
        }
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> read(hostile));
        assertTrue(e.getMessage().contains(String.format("the PES packet at byte %,d", first)), e.getMessage());
    }

    private DemuxedPackets read(byte[] bytes) throws IOException {
        Path file = temp.resolve("damaged.ts");
        Files.write(file, bytes);
        return DemuxedPackets.read(file, MpegDemuxers::openTransportStream);
    }

    private static long last(List<Packet> packets) {
        return packets.stream().mapToLong(Packet::pts).filter(p -> p != Ticks.NONE).max().orElseThrow();
    }
}
