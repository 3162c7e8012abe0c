package org.diva.transcode.probe.matroska;

import static org.diva.transcode.probe.Fixtures.concat;
import static org.diva.transcode.probe.matroska.EbmlBytes.element;
import static org.diva.transcode.probe.matroska.EbmlBytes.matroska;
import static org.diva.transcode.probe.matroska.EbmlBytes.string;
import static org.diva.transcode.probe.matroska.EbmlBytes.uint;
import static org.diva.transcode.probe.matroska.EbmlBytes.videoEntry;
import static org.diva.transcode.probe.matroska.MatroskaProbeTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.ByteArrayChannel;
import org.diva.transcode.probe.CountingChannel;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.ProbeAssertions;
import org.diva.transcode.probe.VideoTrack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Matroska input built to exhaust a naive reader: endless nesting, huge child counts and CodecPrivates, headers
 * beyond the read budget, and CodecPrivate junk. Each must cost a bounded amount and end in a clean result or error.
 */
class MatroskaHostileInputTest {
    private final MatroskaProbe probe = new MatroskaProbe();

    @Test
    void endlessNestingOfSimpleTagsCostsNothing() throws IOException {
        // 100,000 nested SimpleTags: the probe reads only a Tag's own SimpleTags, so depth never matters.
        int depth = 100_000;
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        byte[] leaf = string(MatroskaIds.TAG_NAME, "TITLE");
        for (int d = 0; d < depth; d++) {
            nested.writeBytes(EbmlBytes.id(MatroskaIds.SIMPLE_TAG));
            nested.writeBytes(EbmlBytes.size8((long) (depth - 1 - d) * 10 + leaf.length));
        }
        nested.writeBytes(leaf);
        byte[] file = matroska(element(MatroskaIds.TRACKS, videoEntry("V_VP8", 320, 240)),
                element(MatroskaIds.TAGS, element(MatroskaIds.TAG, nested.toByteArray())));
        MediaInfo info = probe(file);
        assertEquals("vp8", info.video().get(0).codec());
        assertEquals(Optional.empty(), info.title());
    }

    @Test
    void tooManyChildrenIsDamage() {
        byte[] voids = new byte[2 * 20_000];
        for (int i = 0; i < voids.length; i += 2) {
            voids[i] = (byte) MatroskaIds.VOID;
            voids[i + 1] = (byte) 0x80;
        }
        assertFails(matroska(element(MatroskaIds.TRACKS, voids)), "has more than 10000 children");
    }

    @Test
    void headersLargerThanTheReadBudget() {
        byte[] bigPrivate = element(MatroskaIds.CODEC_PRIVATE, new byte[60_000]);
        byte[][] entries = new byte[300][];
        Arrays.fill(entries, element(MatroskaIds.TRACK_ENTRY, uint(MatroskaIds.TRACK_TYPE, 1),
                string(MatroskaIds.CODEC_ID, "V_MPEG4/ISO/AVC"), bigPrivate));
        assertFails(matroska(element(MatroskaIds.TRACKS, entries)),
                "would take more than the 16,777,216 bytes a probe may read");
    }

    @Test
    void codecPrivateOfOneHundredMegabytesIsLeftUnread(@TempDir Path dir) throws IOException {
        long hundredMegabytes = 100L << 20;
        byte[] entryStart = concat(uint(MatroskaIds.TRACK_TYPE, 1), string(MatroskaIds.CODEC_ID, "V_MPEG4/ISO/AVC"),
                element(MatroskaIds.VIDEO, uint(MatroskaIds.PIXEL_WIDTH, 320), uint(MatroskaIds.PIXEL_HEIGHT, 240)),
                EbmlBytes.id(MatroskaIds.CODEC_PRIVATE), EbmlBytes.size8(hundredMegabytes));
        long entrySize = entryStart.length + hundredMegabytes;
        byte[] entryHeader = concat(EbmlBytes.id(MatroskaIds.TRACK_ENTRY), EbmlBytes.size8(entrySize));
        long tracksSize = entryHeader.length + entrySize;
        byte[] tracksHeader = concat(EbmlBytes.id(MatroskaIds.TRACKS), EbmlBytes.size8(tracksSize));
        byte[] segmentHeader = concat(EbmlBytes.id(MatroskaIds.SEGMENT),
                EbmlBytes.size8(tracksHeader.length + tracksSize));
        byte[] head = concat(EbmlBytes.ebmlHeader("matroska"), segmentHeader, tracksHeader, entryHeader, entryStart);
        Path file = dir.resolve("huge-private.mkv");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(head);
            raf.setLength(head.length + hundredMegabytes);
        }
        try (CountingChannel channel = new CountingChannel(FileChannel.open(file))) {
            MediaInfo info = probe.probe(channel);
            VideoTrack v = info.video().get(0);
            assertEquals("h264", v.codec());
            assertEquals(320, v.width());
            assertEquals(240, v.height());
            assertEquals(Optional.empty(), v.profile());
            assertTrue(channel.bytesRead() < 64 * 1024, "read " + channel.bytesRead() + " bytes");
        }

        byte[] claimedOnly = Arrays.copyOf(head, head.length + 100);
        assertFails(claimedOnly, "truncated Matroska: Tracks element at byte");
    }

    @Test
    void junkCodecPrivateCostsOnlyTheProfile() throws IOException {
        byte[] file = fixture("h264-aac-subs.mkv");
        Random random = new Random(4);
        EbmlBytes.Located avcC = codecPrivate(file, 0);
        for (int i = avcC.dataOffset(); i < avcC.end(); i++) {
            file[i] = (byte) random.nextInt(256);
        }
        file[avcC.dataOffset()] = 0; // not configurationVersion 1
        EbmlBytes.Located audioConfig = codecPrivate(file, 1);
        Arrays.fill(file, audioConfig.dataOffset(), audioConfig.end(), (byte) 0);
        MediaInfo info = probe(file);
        VideoTrack v = info.video().get(0);
        assertEquals("h264", v.codec());
        assertEquals(320, v.width());
        assertEquals(240, v.height());
        assertEquals(Optional.empty(), v.profile());
        assertEquals(Optional.empty(), v.level());
        assertEquals(new AudioTrack("aac", Optional.of("object type 0"), OptionalInt.of(2), OptionalInt.of(48000),
                OptionalLong.empty(), Optional.of("eng")), info.audio().get(0));
    }

    @Test
    void junkAvcConfigurationWithAPlausibleVersionKeepsTheTrack() throws IOException {
        byte[] file = fixture("h264-aac-subs.mkv");
        Random random = new Random(5);
        EbmlBytes.Located avcC = codecPrivate(file, 0);
        for (int round = 0; round < 200; round++) {
            for (int i = avcC.dataOffset() + 1; i < avcC.end(); i++) {
                file[i] = (byte) random.nextInt(256);
            }
            MediaInfo info = probe(file);
            assertEquals("h264", info.video().get(0).codec());
            assertEquals(320, info.video().get(0).width());
        }
    }

    /** The CodecPrivate of the {@code n}-th TrackEntry of a real file. */
    private static EbmlBytes.Located codecPrivate(byte[] file, int n) {
        return EbmlBytes.locate(file, MatroskaIds.SEGMENT, 0, MatroskaIds.TRACKS, 0, MatroskaIds.TRACK_ENTRY, n,
                MatroskaIds.CODEC_PRIVATE, 0);
    }

    private MediaInfo probe(byte[] file) throws IOException {
        return probe.probe(new ByteArrayChannel(file));
    }

    private void assertFails(byte[] file, String expectedMessagePart) {
        ProbeAssertions.assertFails(probe, file, expectedMessagePart);
    }
}
