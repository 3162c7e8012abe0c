package org.diva.transcode.mux.ts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diva.transcode.demux.mp4.Mp4Demuxer;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.junit.jupiter.api.Test;

/**
 * Reads back what the muxer wrote, packet by packet, for the rules receivers depend on that ffprobe does not
 * enforce: PCR spacing and lead, continuity counters, PAT/PMT before keyframes, DTS only when it differs, AUDs.
 */
class TsMuxerStructureTest {
    private static final Path GOP = Path.of("src/test/resources/media/mp4/h264_aac_gop.mp4");

    static byte[] mux(Path source, TsSettings settings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FileChannel in = FileChannel.open(source); Mp4Demuxer demuxer = Mp4Demuxer.open(in)) {
            TsMuxer muxer = TsMuxer.toStream(demuxer.streams(), out, settings);
            for (Optional<Packet> p = demuxer.read(); p.isPresent(); p = demuxer.read()) {
                muxer.write(p.get());
            }
            muxer.finish();
        }
        return out.toByteArray();
    }

    @Test
    void pcrEvery40msOnVideoAheadOfEveryDecodingTime() throws IOException {
        byte[] ts = mux(GOP, TsSettings.DEFAULT);
        assertEquals(0, ts.length % 188);
        long lastPcr = -1;
        int pcrs = 0;
        for (int at = 0; at < ts.length; at += 188) {
            int pid = pid(ts, at);
            long pcr = pcr(ts, at);
            if (pcr >= 0) {
                assertEquals(0x100, pid, "PCR on the video PID");
                if (lastPcr >= 0) {
                    assertTrue(pcr - lastPcr <= 40 * 90, "PCR gap " + (pcr - lastPcr) + " ticks at byte " + at);
                    assertTrue(pcr >= lastPcr, "PCR goes back at byte " + at);
                }
                lastPcr = pcr;
                pcrs++;
            }
            long dts = pesDts(ts, at);
            if (dts >= 0) {
                assertTrue(lastPcr >= 0 && dts - lastPcr >= 90_000 / 2 - 1, "DTS " + dts + " too close to PCR "
                        + lastPcr + " at byte " + at);
            }
        }
        assertTrue(pcrs >= 3 * 25, "a PCR at least every frame: " + pcrs);
    }

    @Test
    void continuityCountersRunPerPidAndPsiPrecedesEveryKeyframe() throws IOException {
        byte[] ts = mux(GOP, TsSettings.DEFAULT);
        Map<Integer, Integer> cc = new HashMap<>();
        int lastPmt = -1;
        int keyframes = 0;
        for (int at = 0; at < ts.length; at += 188) {
            int pid = pid(ts, at);
            boolean payload = (ts[at + 3] & 0x10) != 0;
            int counter = ts[at + 3] & 0xF;
            Integer previous = cc.get(pid);
            if (previous != null) {
                assertEquals(payload ? (previous + 1) & 0xF : previous, counter, "CC of PID " + pid + " at " + at);
            }
            cc.put(pid, counter);
            if (pid == PsiTables.PMT_PID) {
                lastPmt = at;
            }
            boolean randomAccess = (ts[at + 3] & 0x20) != 0 && ts[at + 4] > 0 && (ts[at + 5] & 0x40) != 0;
            if (randomAccess) {
                keyframes++;
                assertEquals(at - 188, lastPmt, "PMT right before the keyframe at " + at);
                int pes = payloadStart(ts, at);
                int headerEnd = pes + 9 + (ts[pes + 8] & 0xff);
                assertEquals(0x09, ts[headerEnd + 4] & 0x1f, "an AUD starts the access unit");
            }
        }
        assertEquals(3, keyframes);
    }

    @Test
    void dtsOnlyWhenItDiffers() throws IOException {
        byte[] ts = mux(GOP, TsSettings.DEFAULT);
        int withDts = 0;
        int audioWithDts = 0;
        for (int at = 0; at < ts.length; at += 188) {
            if ((ts[at + 1] & 0x40) == 0 || !isMedia(pid(ts, at))) {
                continue;
            }
            int pes = payloadStart(ts, at);
            int flags = ts[pes + 7] & 0xC0;
            if (flags == 0xC0) {
                assertFalse(timestamp(ts, pes + 9) == timestamp(ts, pes + 14), "DTS equal to PTS at " + at);
                withDts++;
                audioWithDts += pid(ts, at) == 0x101 ? 1 : 0;
            }
        }
        assertTrue(withDts > 0, "B-frames need DTS");
        assertEquals(0, audioWithDts);
    }

    @Test
    void streamsInterleavedByDecodingTimeFromTheConfiguredStart() throws IOException {
        long start = 10 * 90_000L;
        byte[] ts = mux(GOP, TsSettings.DEFAULT.withStart(start));
        long last = -1;
        long first = -1;
        for (int at = 0; at < ts.length; at += 188) {
            long dts = pesDts(ts, at);
            if (dts >= 0) {
                assertTrue(dts >= last, "DTS " + dts + " after " + last + " at byte " + at);
                first = first < 0 ? dts : first;
                last = dts;
            }
            long pcr = pcr(ts, at);
            assertTrue(pcr < 0 || pcr >= start, "PCR " + pcr + " before the start");
        }
        assertEquals(start + TsSettings.DEFAULT.pcrDelay(), first, "the first decoding time");
    }

    @Test
    void audioOnlyCarriesPcrOnTheAudioPid() throws IOException {
        byte[] ts = mux(Path.of("src/test/resources/media/mp4/tone_title.m4a"), TsSettings.DEFAULT);
        int pcrs = 0;
        for (int at = 0; at < ts.length; at += 188) {
            if (pcr(ts, at) >= 0) {
                assertEquals(0x100, pid(ts, at));
                pcrs++;
            }
        }
        assertTrue(pcrs > 10, "PCRs: " + pcrs);
    }

    @Test
    void refusesCodecsTsCannotCarryAndUnknownStreams() {
        ElementaryStream vp9 = ElementaryStream.video(0, "vp9", java.nio.ByteBuffer.allocate(0), 64, 64);
        assertThrows(IllegalArgumentException.class,
                () -> TsMuxer.toStream(List.of(vp9), new ByteArrayOutputStream(), TsSettings.DEFAULT));
        ElementaryStream mp3 = ElementaryStream.audio(0, "mp3", java.nio.ByteBuffer.allocate(0), 44100, 2);
        TsMuxer muxer = TsMuxer.toStream(List.of(mp3), new ByteArrayOutputStream(), TsSettings.DEFAULT);
        assertThrows(IllegalArgumentException.class,
                () -> muxer.write(new Packet(3, 0, 0, 0, true, java.nio.ByteBuffer.allocate(4))));
    }

    static boolean isMedia(int pid) {
        return pid >= 0x100 && pid < PsiTables.PMT_PID;
    }

    static int pid(byte[] ts, int at) {
        return (ts[at + 1] & 0x1F) << 8 | ts[at + 2] & 0xff;
    }

    static long pcr(byte[] ts, int at) {
        if ((ts[at + 3] & 0x20) == 0 || ts[at + 4] == 0 || (ts[at + 5] & 0x10) == 0) {
            return -1;
        }
        long base = 0;
        for (int i = 0; i < 4; i++) {
            base = base << 8 | ts[at + 6 + i] & 0xff;
        }
        return base << 1 | (ts[at + 10] & 0x80) >> 7;
    }

    static int payloadStart(byte[] ts, int at) {
        return (ts[at + 3] & 0x20) != 0 ? at + 5 + (ts[at + 4] & 0xff) : at + 4;
    }

    /** The DTS (or PTS when there is no DTS) of a PES starting in this packet, or -1. */
    static long pesDts(byte[] ts, int at) {
        if ((ts[at + 1] & 0x40) == 0 || !isMedia(pid(ts, at)) || (ts[at + 3] & 0x10) == 0) {
            return -1;
        }
        int pes = payloadStart(ts, at);
        return (ts[pes + 7] & 0xC0) == 0xC0 ? timestamp(ts, pes + 14) : timestamp(ts, pes + 9);
    }

    static long timestamp(byte[] b, int at) {
        return ((long) (b[at] & 0x0E)) << 29 | (b[at + 1] & 0xff) << 22 | (b[at + 2] & 0xFE) << 14
                | (b[at + 3] & 0xff) << 7 | (b[at + 4] & 0xff) >> 1;
    }
}
