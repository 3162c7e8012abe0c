package org.diva.transcode.demux.matroska;

import static org.diva.transcode.demux.matroska.TestMkv.binary;
import static org.diva.transcode.demux.matroska.TestMkv.block;
import static org.diva.transcode.demux.matroska.TestMkv.concat;
import static org.diva.transcode.demux.matroska.TestMkv.element;
import static org.diva.transcode.demux.matroska.TestMkv.float64;
import static org.diva.transcode.demux.matroska.TestMkv.frame;
import static org.diva.transcode.demux.matroska.TestMkv.string;
import static org.diva.transcode.demux.matroska.TestMkv.uint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Xiph, EBML and fixed lacing, BlockGroups with BlockDuration and ReferenceBlock, header stripping and a text
 * subtitle, in a file written here byte by byte: ffmpeg has no lacing or header stripping of its own to make one.
 * The frames must come back exactly, and ffprobe must agree on every time and size.
 */
class MatroskaLacingTest {
    private static final byte[] STRIPPED = {(byte) 0xC0, (byte) 0xFF, (byte) 0xEE};

    @TempDir
    Path dir;

    static byte[] pcmTrack(int number, long defaultDurationNs, byte[]... extra) {
        return element(0xAE, uint(0xD7, number), uint(0x73C5, number), uint(0x83, 2),
                string(0x86, "A_PCM/INT/LIT"), uint(0x23E383, defaultDurationNs),
                element(0xE1, float64(0xB5, 8000), uint(0x9F, 1), uint(0x6264, 16)), concat(extra));
    }

    static byte[] laced() {
        byte[] tracks = element(0x1654AE6B,
                pcmTrack(1, 4_000_000),
                pcmTrack(2, 0, element(0x6D80, element(0x6240, element(0x5034, uint(0x4254, 3),
                        binary(0x4255, STRIPPED))))),
                element(0xAE, uint(0xD7, 3), uint(0x73C5, 3), uint(0x83, 0x11), string(0x86, "S_TEXT/UTF8"),
                        string(0x22B59C, "fre")),
                element(0xAE, uint(0xD7, 4), uint(0x73C5, 4), uint(0x83, 1), string(0x86, "V_VP8"),
                        element(0xE0, uint(0xB0, 64), uint(0xBA, 48))));
        byte[] xiph = block(1, 0, 0x80 | 0x02, new byte[] {2, (byte) 255, 45, 10},
                frame(1, 300), frame(2, 10), frame(3, 6));
        // EBML lacing: 4 frames of 100, 120, 90 and (the rest) 4 bytes; sizes after the first are signed deltas.
        byte[] ebml = block(1, 12, 0x80 | 0x06, new byte[] {3, 0x40, 100, (byte) (0x80 | (20 + 63)),
            (byte) (0x80 | (-30 + 63))}, frame(4, 100), frame(5, 120), frame(6, 90), frame(7, 4));
        byte[] fixed = block(1, 28, 0x80 | 0x04, new byte[] {2}, frame(8, 50), frame(9, 50), frame(10, 50));
        byte[] group = element(0xA0, binary(0xA1, block(1, 40, 0, frame(11, 64))), uint(0x9B, 8));
        byte[] stripped = block(2, 0, 0x80, frame(12, 40));
        byte[] strippedGroup = element(0xA0, binary(0xA1, block(2, 20, 0x02, new byte[] {1, 20},
                frame(13, 20), frame(14, 30))), uint(0x9B, 50), element(0xFB, new byte[] {(byte) 0xEC}));
        byte[] text = element(0xA0, binary(0xA1, block(3, 5, 0, "Bonjour\nle monde".getBytes(StandardCharsets.UTF_8))),
                uint(0x9B, 700));
        byte[] videoKey = element(0xA0, binary(0xA1, block(4, 0, 0, frame(15, 33))));
        byte[] videoInter = element(0xA0, binary(0xA1, block(4, 40, 0, frame(16, 22))),
                element(0xFB, new byte[] {(byte) 0xD8}));
        byte[] cluster = element(TestMkv.CLUSTER, uint(0xE7, 1000), binary(0xA3, xiph), binary(0xA3, stripped),
                videoKey, text, binary(0xA3, ebml), binary(0xA3, fixed), strippedGroup, group, videoInter);
        return TestMkv.file(element(0x1549A966, uint(0x2AD7B1, 1_000_000), float64(0x4489, 1100)), tracks, cluster);
    }

    private List<Packet> demux(Path file) throws IOException {
        List<Packet> packets = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file); MatroskaDemuxer demuxer = MatroskaDemuxer.open(channel)) {
            assertEquals(4, demuxer.streams().size());
            assertEquals(Optional.of("fre"), demuxer.streams().get(2).language());
            assertEquals("srt", demuxer.streams().get(2).codec());
            assertEquals(Ticks.fromMillis(1100), demuxer.duration().getAsLong());
            for (Optional<Packet> p = demuxer.read(); p.isPresent(); p = demuxer.read()) {
                packets.add(p.get());
            }
        }
        return packets;
    }

    @Test
    void lacedFramesComeBackWhole() throws IOException {
        Path file = Files.write(dir.resolve("laced.mkv"), laced());
        List<Packet> packets = demux(file);
        List<Packet> first = packets.stream().filter(p -> p.stream() == 0).toList();
        int[][] expected = {{1, 300}, {2, 10}, {3, 6}, {4, 100}, {5, 120}, {6, 90}, {7, 4}, {8, 50}, {9, 50},
            {10, 50}, {11, 64}};
        assertEquals(expected.length, first.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(frame(expected[i][0], expected[i][1]), bytes(first.get(i)), "frame " + i);
        }
        // DefaultDuration 4 ms a frame: the Xiph block's three frames at 1000, 1004, 1008 ms.
        assertEquals(List.of(1000L, 1004L, 1008L, 1012L, 1016L, 1020L, 1024L, 1028L, 1032L, 1036L, 1040L),
                first.stream().map(p -> Ticks.toMillis(p.pts())).toList());
        assertEquals(Ticks.fromMillis(8), first.get(10).duration(), "BlockDuration");
        assertTrue(first.get(10).keyframe(), "a Block without ReferenceBlock is a keyframe");

        List<Packet> second = packets.stream().filter(p -> p.stream() == 1).toList();
        assertArrayEquals(concat(STRIPPED, frame(12, 40)), bytes(second.get(0)), "stripped header put back");
        assertArrayEquals(concat(STRIPPED, frame(14, 30)), bytes(second.get(2)));
        assertEquals(List.of(1000L, 1020L, 1045L), second.stream().map(p -> Ticks.toMillis(p.pts())).toList());
        assertTrue(second.get(1).keyframe(), "audio frames decode on their own whatever the block says");

        List<Packet> video = packets.stream().filter(p -> p.stream() == 3).toList();
        assertTrue(video.get(0).keyframe(), "a video Block without ReferenceBlock is a keyframe");
        assertFalse(video.get(1).keyframe(), "a video Block with a ReferenceBlock is not");
        for (int i = 0; i < video.size(); i++) {
            assertTrue(video.get(i).dts() != Ticks.NONE && video.get(i).dts() <= video.get(i).pts(),
                    "video gets a decoding time no later than its presentation time");
            assertTrue(i == 0 || video.get(i).dts() > video.get(i - 1).dts(), "decoding times rise");
        }

        Packet cue = packets.stream().filter(p -> p.stream() == 2).findFirst().orElseThrow();
        assertEquals("Bonjour\nle monde", new String(bytes(cue), StandardCharsets.UTF_8));
        assertEquals(Ticks.fromMillis(1005), cue.pts());
        assertEquals(Ticks.fromMillis(700), cue.duration());
    }

    @Test
    void ffprobeAgrees() throws IOException {
        Ffmpeg.assumeInstalled();
        Path file = Files.write(dir.resolve("laced.mkv"), laced());
        assertEquals(FfprobePackets.ffprobe(file, true), FfprobePackets.ours(file, true));
    }

    private static byte[] bytes(Packet p) {
        byte[] out = new byte[p.data().remaining()];
        p.data().duplicate().get(out);
        return out;
    }
}
