package org.diva.transcode.mux.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4FaststartTest {
    private static final Path MOOV_END = Path.of("src/test/resources/media/mp4/h264_high_aac_moov_end.mp4");
    private static final Path FFMPEG_FASTSTART = Path.of("src/test/resources/media/mp4/h264_high_aac_faststart.mp4");

    @TempDir
    Path dir;

    private Path faststart(Path source) throws IOException {
        Path out = dir.resolve("fast.mp4");
        try (FileChannel in = FileChannel.open(source);
             FileChannel o = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            assertEquals(Files.size(source), Mp4Faststart.write(in, o));
        }
        return out;
    }

    private static List<String> order(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file)) {
            return Mp4Faststart.topLevel(in).stream().map(Mp4Faststart.TopBox::type).toList();
        }
    }

    @Test
    void moovMovesBeforeMdatAndEveryFrameDecodesTheSame() throws IOException {
        assertTrue(order(MOOV_END).indexOf("moov") > order(MOOV_END).indexOf("mdat"));
        try (FileChannel in = FileChannel.open(MOOV_END)) {
            assertTrue(Mp4Faststart.needsRewrite(in));
        }
        Path fast = faststart(MOOV_END);
        List<String> boxes = order(fast);
        assertTrue(boxes.indexOf("moov") < boxes.indexOf("mdat"), "box order " + boxes);
        try (FileChannel in = FileChannel.open(fast)) {
            assertFalse(Mp4Faststart.needsRewrite(in));
        }
        Ffmpeg.assumeInstalled();
        assertEquals("", Ffmpeg.decodeErrors(fast));
        assertEquals(framemd5(MOOV_END), framemd5(fast));
    }

    /**
     * ffmpeg's own -movflags +faststart puts the boxes in the same order; its bytes differ only where its -c copy
     * recomputed the esds bitrates, so the chunk tables must agree: every sample reads the same from both.
     */
    @Test
    void everySampleReadsAsFromFfmpegsFaststart() throws IOException {
        Path ours = faststart(MOOV_END);
        assertEquals(order(FFMPEG_FASTSTART), order(ours));
        assertEquals(Files.size(FFMPEG_FASTSTART), Files.size(ours));
        List<org.diva.transcode.stream.Packet> expected = packets(FFMPEG_FASTSTART);
        List<org.diva.transcode.stream.Packet> actual = packets(ours);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "packet " + i);
        }
    }

    private static List<org.diva.transcode.stream.Packet> packets(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file);
             var demuxer = org.diva.transcode.demux.mp4.Mp4Demuxer.open(in)) {
            List<org.diva.transcode.stream.Packet> packets = new java.util.ArrayList<>();
            for (var p = demuxer.read(); p.isPresent(); p = demuxer.read()) {
                packets.add(p.get());
            }
            return packets;
        }
    }

    private String framemd5(Path file) throws IOException {
        Ffmpeg.Result r = Ffmpeg.run(List.of("ffmpeg", "-v", "error", "-i", file.toString(), "-map", "0",
                "-f", "framemd5", "-"));
        assertEquals(0, r.exit(), r.stderr());
        return r.stdout().lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }

    /** Offsets past 4 GiB after the move: the 32-bit table becomes co64 and the data moves by the bigger moov. */
    @Test
    void stcoPromotedToCo64WhenOffsetsOutgrow32Bits() throws MediaFormatException {
        ByteBuffer stco = ByteBuffer.allocate(16).putInt(0).putInt(2).putInt(0xFFFF_FF00).putInt(0xFFFF_FFF0).flip();
        MoovTree.Node tree = new MoovTree.Node("moov");
        MoovTree.Node stbl = new MoovTree.Node("stbl");
        tree.children.add(stbl);
        MoovTree.Node table = MoovTree.parse("stco", stco, 0);
        stbl.children.add(table);
        Mp4Faststart.TopBox ftyp = new Mp4Faststart.TopBox("ftyp", 0, 32);
        Mp4Faststart.TopBox mdat = new Mp4Faststart.TopBox("mdat", 32, 5L << 30);
        Mp4Faststart.TopBox moov = new Mp4Faststart.TopBox("moov", 32 + (5L << 30), 40);
        Mp4Faststart.relocate(tree, List.of(ftyp, mdat, moov), List.of(ftyp, moov, mdat), moov);
        assertEquals("co64", table.type);
        long moovSize = tree.size();
        assertEquals(8 + 8 + 8 + 8 + 16, moovSize);
        ByteBuffer b = ByteBuffer.wrap(table.payload);
        assertEquals(0xFFFF_FF00L + moovSize, b.getLong(8));
        assertEquals(0xFFFF_FFF0L + moovSize, b.getLong(16));
    }

    @Test
    void fragmentedAndMoovlessFilesAreRefused() throws IOException {
        try (FileChannel in = FileChannel.open(Path.of("src/test/resources/media/mp4/fragmented.mp4"))) {
            assertThrows(MediaFormatException.class, () -> Mp4Faststart.write(in, ByteArrayChannel.sink()));
        }
        Path junk = dir.resolve("junk.mp4");
        Files.write(junk, new byte[] {0, 0, 0, 16, 'f', 't', 'y', 'p', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 200,
            'm', 'd', 'a', 't'});
        try (FileChannel in = FileChannel.open(junk)) {
            MediaFormatException e = assertThrows(MediaFormatException.class,
                    () -> Mp4Faststart.write(in, ByteArrayChannel.sink()));
            assertTrue(e.getMessage().contains("byte 16"), e.getMessage());
        }
    }

    /** A channel that swallows what is written. */
    static final class ByteArrayChannel {
        static java.nio.channels.WritableByteChannel sink() {
            return java.nio.channels.Channels.newChannel(java.io.OutputStream.nullOutputStream());
        }
    }
}
