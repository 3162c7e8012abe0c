package org.diva.transcode.mux.mp4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaststartViewTest {
    private static final Path MEDIA = Path.of("src/test/resources/media/mp4");
    private static final Path MOOV_END = MEDIA.resolve("h264_high_aac_moov_end.mp4");

    @TempDir
    Path dir;

    @Test
    void viewReadInRandomPiecesIsWhatWriteWrites() throws IOException {
        byte[] written = written(MOOV_END);
        try (FileChannel in = FileChannel.open(MOOV_END)) {
            FaststartView view = FaststartView.of(in).orElseThrow();
            assertEquals(written.length, view.size());
            assertEquals(view.size(), view.segments().stream().mapToLong(FaststartView.Segment::length).sum());
            assertArrayEquals(written, readSequentially(view, in, new Random(1)));
            assertArrayEquals(written, fromSegments(view, MOOV_END));
            Random random = new Random(2);
            for (int i = 0; i < 500; i++) {
                int from = random.nextInt(written.length);
                ByteBuffer piece = ByteBuffer.allocate(1 + random.nextInt(4000));
                int n = view.read(in, piece, from);
                assertEquals(Math.min(piece.capacity(), written.length - from), n, "read at " + from);
                assertArrayEquals(Arrays.copyOfRange(written, from, from + n), Arrays.copyOf(piece.array(), n));
            }
            assertEquals(-1, view.read(in, ByteBuffer.allocate(10), view.size()));
            assertThrows(IllegalArgumentException.class, () -> view.read(in, ByteBuffer.allocate(1), -1));
        }
        assertEquals(List.of("ftyp", "moov", "free", "mdat"), boxes(written));
    }

    /** ftyp from the file, the moov from memory, then free and mdat as one range of the file. */
    @Test
    void segmentsAreFewAndTheMoovIsInMemory() throws IOException {
        try (FileChannel in = FileChannel.open(MOOV_END)) {
            List<FaststartView.Segment> segments = FaststartView.of(in).orElseThrow().segments();
            assertEquals(List.of(new FaststartView.SourceRange(0, 32)), segments.subList(0, 1));
            FaststartView.Bytes moov = assertInstanceOf(FaststartView.Bytes.class, segments.get(1));
            assertEquals(2120, moov.length());
            assertTrue(moov.bytes().isReadOnly());
            moov.bytes().position(100);
            assertEquals(0, moov.bytes().position(), "each call hands out its own duplicate");
            assertEquals(new FaststartView.SourceRange(32, 8 + 9374), segments.get(2));
            assertEquals(3, segments.size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h264_high_aac_faststart.mp4", "h264_aac_gop.mp4", "fragmented.mp4", "fragmented_sidx.mp4"})
    void fileWithMoovFirstNeedsNoView(String name) throws IOException {
        try (FileChannel in = FileChannel.open(MEDIA.resolve(name))) {
            assertTrue(FaststartView.of(in).isEmpty());
        }
    }

    /** The data in two mdat boxes, moov after both or between them: every frame still decodes the same. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void twoMdatBoxes(boolean moovBetween) throws IOException {
        Path split = Files.write(dir.resolve("split.mp4"), SplitMdat.split(Files.readAllBytes(MOOV_END), moovBetween));
        assertEquals(moovBetween ? List.of("ftyp", "free", "mdat", "moov", "mdat")
                : List.of("ftyp", "free", "mdat", "mdat", "moov"), boxes(Files.readAllBytes(split)));
        Path fast = dir.resolve("fast.mp4");
        try (FileChannel in = FileChannel.open(split)) {
            FaststartView view = FaststartView.of(in).orElseThrow();
            assertEquals(moovBetween ? 4 : 3, view.segments().size(), view.segments().toString());
            byte[] bytes = readSequentially(view, in, new Random(3));
            assertArrayEquals(written(split), bytes);
            Files.write(fast, bytes);
            assertEquals(List.of("ftyp", "moov", "free", "mdat", "mdat"), boxes(bytes));
        }
        Ffmpeg.assumeInstalled();
        assertEquals(framemd5(MOOV_END), framemd5(split), "the split file is a faithful fixture");
        assertEquals("", Ffmpeg.decodeErrors(fast));
        assertEquals(framemd5(MOOV_END), framemd5(fast));
    }

    /** Every fixture ffmpeg wrote with moov last, QuickTime ('wide') and audio-only ones too. */
    @ParameterizedTest
    @ValueSource(strings = {"ac3_eac3_51.mp4", "alac.m4a", "h264_baseline.mov", "keys_title.mov", "mpeg4_mp3.mp4",
        "multilang.mp4", "tone_title.m4a", "pcm.mov"})
    void everyMoovLastFixtureDecodesTheSameFromItsView(String name) throws IOException {
        Path source = MEDIA.resolve(name);
        Path fast = dir.resolve(name);
        try (FileChannel in = FileChannel.open(source)) {
            FaststartView view = FaststartView.of(in).orElseThrow();
            byte[] bytes = readSequentially(view, in, new Random(4));
            assertArrayEquals(written(source), bytes);
            Files.write(fast, bytes);
            assertEquals("moov", boxes(bytes).get(1));
        }
        Ffmpeg.assumeInstalled();
        assertEquals(framemd5(source), framemd5(fast));
    }

    @Test
    void truncatedFileIsRefusedWithWhere() throws IOException {
        byte[] whole = Files.readAllBytes(MOOV_END);
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length - 100));
        MediaFormatException e = refused(cut);
        assertTrue(e.getMessage().contains("byte 9,414"), e.getMessage());
    }

    @Test
    void fileWithoutMoovIsRefused() throws IOException {
        byte[] whole = Files.readAllBytes(MOOV_END);
        Path noMoov = Files.write(dir.resolve("nomoov.mp4"), Arrays.copyOf(whole, 9414));
        assertTrue(refused(noMoov).getMessage().contains("no 'moov'"));
    }

    /** A moof between mdat and moov: fragmented, with the movie header last, which no faststart can fix. */
    @Test
    void fragmentedWithMoovLastIsRefused() throws IOException {
        byte[] whole = Files.readAllBytes(MOOV_END);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(whole, 0, 9414);
        out.writeBytes(new byte[] {0, 0, 0, 8, 'm', 'o', 'o', 'f'});
        out.write(whole, 9414, whole.length - 9414);
        assertTrue(refused(Files.write(dir.resolve("frag.mp4"), out.toByteArray())).getMessage()
                .contains("fragmented"));
    }

    /** A chunk offset pointing past the media data (into the moov itself): the moved moov could not say where. */
    @Test
    void chunkOffsetOutsideTheDataIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(MOOV_END);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int stco = indexOf(bytes, "stco");
        b.putInt(stco + 16, 9414 + 20); // the first entry, after version/flags and count
        MediaFormatException e = refused(Files.write(dir.resolve("offset.mp4"), bytes));
        assertTrue(e.getMessage().contains("chunk offset 9,434"), e.getMessage());
    }

    @Test
    void stcoClaimingMoreEntriesThanItHoldsIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(MOOV_END);
        ByteBuffer.wrap(bytes).putInt(indexOf(bytes, "stco") + 12, Integer.MAX_VALUE); // entry count
        assertTrue(refused(Files.write(dir.resolve("count.mp4"), bytes)).getMessage().contains("'stco'"));
    }

    /** A 65 MiB moov (a sparse file, so the test writes a few bytes) is over the limit and is not read. */
    @Test
    void moovOverTheLimitIsRefusedUnread() throws IOException {
        Path huge = dir.resolve("huge.mp4");
        long moovSize = Mp4Faststart.MAX_MOOV + (1 << 20);
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write(new byte[] {0, 0, 0, 16, 'm', 'd', 'a', 't', 0, 0, 0, 0, 0, 0, 0, 0});
            file.writeInt((int) moovSize);
            file.write("moov".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            file.setLength(16 + moovSize);
        }
        assertTrue(refused(huge).getMessage().contains("too big"));
    }

    @Test
    void sourceThatChangedSizeIsRefusedOnRead() throws IOException {
        Path copy = Files.copy(MOOV_END, dir.resolve("copy.mp4"));
        FaststartView view;
        try (FileChannel in = FileChannel.open(copy)) {
            view = FaststartView.of(in).orElseThrow();
        }
        Files.write(copy, new byte[100], java.nio.file.StandardOpenOption.APPEND);
        try (FileChannel in = FileChannel.open(copy)) {
            MediaFormatException e = assertThrows(MediaFormatException.class,
                    () -> view.read(in, ByteBuffer.allocate(10), 0));
            assertTrue(e.getMessage().contains("changed"), e.getMessage());
        }
    }

    private static MediaFormatException refused(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file)) {
            return assertThrows(MediaFormatException.class, () -> FaststartView.of(in));
        }
    }

    private static byte[] written(Path source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FileChannel in = FileChannel.open(source)) {
            Mp4Faststart.write(in, Channels.newChannel(out));
        }
        return out.toByteArray();
    }

    /** The whole view read front to back in pieces of random sizes, as a player's reads would come. */
    private static byte[] readSequentially(FaststartView view, FileChannel in, Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long at = 0;
        for (int n; (n = view.read(in, ByteBuffer.allocate(1 + random.nextInt(3000)), at)) != -1; at += n) {
            ByteBuffer again = ByteBuffer.allocate(n);
            view.read(in, again, at);
            out.writeBytes(again.array());
        }
        return out.toByteArray();
    }

    private static byte[] fromSegments(FaststartView view, Path source) throws IOException {
        byte[] file = Files.readAllBytes(source);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (FaststartView.Segment segment : view.segments()) {
            if (segment instanceof FaststartView.SourceRange r) {
                out.write(file, (int) r.sourceOffset(), (int) r.length());
            } else if (segment instanceof FaststartView.Bytes b) {
                ByteBuffer bytes = b.bytes();
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                out.writeBytes(copy);
            }
        }
        return out.toByteArray();
    }

    private static List<String> boxes(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file);
        List<String> types = new java.util.ArrayList<>();
        for (int at = 0; at + 8 <= file.length; at += b.getInt(at)) {
            types.add(new String(file, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return types;
    }

    private static int indexOf(byte[] bytes, String type) {
        byte[] code = type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + 4, code, 0, 4)) {
                return i - 4;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static String framemd5(Path file) throws IOException {
        Ffmpeg.Result r = Ffmpeg.run(List.of("ffmpeg", "-v", "error", "-i", file.toString(),
                "-map", "0:v?", "-map", "0:a?", // not the subtitles, which framemd5 cannot take
                "-f", "framemd5", "-"));
        assertEquals(0, r.exit(), r.stderr());
        return r.stdout().lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }
}
