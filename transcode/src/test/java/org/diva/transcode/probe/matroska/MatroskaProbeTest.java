package org.diva.transcode.probe.matroska;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.ByteArrayChannel;
import org.diva.transcode.probe.CountingChannel;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;
import org.junit.jupiter.api.Test;

/** The Matroska probe against real files made by ffmpeg (see media/mkv/make.sh). */
class MatroskaProbeTest {
    private final MatroskaProbe probe = new MatroskaProbe();

    @Test
    void h264HighWithTwoAacLanguagesAndTwoSubtitleFormats() throws IOException {
        byte[] file = fixture("h264-aac-subs.mkv");
        MediaInfo info = probe.probe(new ByteArrayChannel(file));

        assertEquals(MediaKind.VIDEO, info.kind());
        assertEquals("matroska", info.container());
        assertEquals(Optional.of("Test Pattern"), info.title());
        assertEquals(OptionalLong.of(1023), info.durationMillis());
        assertEquals(OptionalLong.of(file.length * 8_000L / 1023), info.bitrate());

        assertEquals(1, info.video().size());
        VideoTrack v = info.video().get(0);
        assertEquals("h264", v.codec());
        assertEquals(Optional.of("High"), v.profile());
        assertEquals(Optional.of("3.0"), v.level());
        assertEquals(320, v.width());
        assertEquals(240, v.height());
        assertEquals(OptionalDouble.of(25.0), v.frameRate());
        assertEquals(OptionalInt.of(8), v.bitDepth());
        assertFalse(v.interlaced());
        assertEquals(Optional.empty(), v.language(), "ffmpeg tags an untagged track \"und\"");

        assertEquals(2, info.audio().size());
        assertEquals(new AudioTrack("aac", Optional.of("LC"), OptionalInt.of(2), OptionalInt.of(48000),
                OptionalLong.empty(), Optional.of("eng")), info.audio().get(0));
        assertEquals(new AudioTrack("aac", Optional.of("LC"), OptionalInt.of(1), OptionalInt.of(44100),
                OptionalLong.empty(), Optional.of("ger")), info.audio().get(1));

        assertEquals(2, info.subtitles().size());
        assertEquals(SubtitleTrack.embedded("srt", Optional.of("eng"), Optional.of("English")),
                info.subtitles().get(0));
        assertEquals(SubtitleTrack.embedded("ass", Optional.of("fre"), Optional.of("Francais")),
                info.subtitles().get(1));
    }

    @Test
    void webmVp9WithOpus() throws IOException {
        MediaInfo info = probe.probe(new ByteArrayChannel(fixture("vp9-opus.webm")));

        assertEquals(MediaKind.VIDEO, info.kind());
        assertEquals("webm", info.container());
        assertEquals(Optional.empty(), info.title());
        assertEquals(OptionalLong.of(1008), info.durationMillis());
        VideoTrack v = info.video().get(0);
        assertEquals("vp9", v.codec());
        assertEquals(320, v.width());
        assertEquals(240, v.height());
        assertEquals(OptionalDouble.of(30.0), v.frameRate());
        assertEquals(new AudioTrack("opus", Optional.empty(), OptionalInt.of(2), OptionalInt.of(48000),
                OptionalLong.empty(), Optional.empty()), info.audio().get(0));
        assertEquals(0, info.subtitles().size());
    }

    @Test
    void audioOnlyFlacIsAudioWithItsTitle() throws IOException {
        MediaInfo info = probe.probe(new ByteArrayChannel(fixture("flac-titled.mka")));

        assertEquals(MediaKind.AUDIO, info.kind());
        assertEquals("matroska", info.container());
        assertEquals(Optional.of("A Tone"), info.title());
        assertEquals(OptionalLong.of(1000), info.durationMillis());
        assertEquals(0, info.video().size());
        assertEquals(AudioTrack.of("flac", 2, 44100), info.audio().get(0));
    }

    @Test
    void mpeg2VideoWithAc3FivePointOne() throws IOException {
        MediaInfo info = probe.probe(new ByteArrayChannel(fixture("mpeg2-ac3-51.mkv")));

        VideoTrack v = info.video().get(0);
        assertEquals("mpeg2video", v.codec());
        assertEquals(352, v.width());
        assertEquals(288, v.height());
        assertEquals(OptionalDouble.of(29.97), v.frameRate());
        assertEquals(AudioTrack.of("ac3", 6, 48000), info.audio().get(0));
        assertEquals(OptionalLong.of(1024), info.durationMillis());
    }

    @Test
    void tracksAndInfoAfterTheClustersAreFoundThroughTheSeekHead() throws IOException {
        byte[] real = fixture("h264-aac-subs.mkv");
        var top = EbmlBytes.topLevel(real);
        byte[] cluster = top.get(MatroskaIds.CLUSTER);
        byte[] infoElement = top.get(MatroskaIds.INFO);
        // SeekHead with two 8-byte positions: its size does not depend on the positions it holds.
        int seekHeadLength = seekHead(0, 0).length;
        long infoAt = seekHeadLength + cluster.length;
        long tracksAt = infoAt + infoElement.length;
        byte[] file = Fixtures.concat(EbmlBytes.ebmlHeader("matroska"),
                EbmlBytes.elementClaiming(MatroskaIds.SEGMENT, EbmlBytes.UNKNOWN,
                        seekHead(infoAt, tracksAt), cluster, infoElement, top.get(MatroskaIds.TRACKS)));

        MediaInfo info = probe.probe(new ByteArrayChannel(file));

        assertEquals("h264", info.video().get(0).codec());
        assertEquals(Optional.of("High"), info.video().get(0).profile());
        assertEquals(2, info.audio().size());
        assertEquals(2, info.subtitles().size());
        assertEquals(Optional.of("Test Pattern"), info.title());
        assertEquals(OptionalLong.of(1023), info.durationMillis());
    }

    @Test
    void unknownSizeSegmentOfALiveStreamReadsToTheEndOfTheFile() throws IOException {
        byte[] file = fixture("h264-aac-subs.mkv");
        int sizeAt = EbmlBytes.segmentDataOffset(file) - 8; // ffmpeg writes the Segment size as 8 bytes
        System.arraycopy(EbmlBytes.size8(EbmlBytes.UNKNOWN), 0, file, sizeAt, 8);

        MediaInfo info = probe.probe(new ByteArrayChannel(file));

        assertEquals("h264", info.video().get(0).codec());
        assertEquals(2, info.audio().size());
    }

    @Test
    void fileOverFourGigabytesWithHeadersPastFourGigabytesIsReadInABoundedNumberOfBytes(
            @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        byte[] real = fixture("h264-aac-subs.mkv");
        var top = EbmlBytes.topLevel(real);
        byte[] infoElement = top.get(MatroskaIds.INFO);
        byte[] head = EbmlBytes.ebmlHeader("matroska");
        byte[] segmentHeader = Fixtures.concat(EbmlBytes.id(MatroskaIds.SEGMENT), EbmlBytes.size8(EbmlBytes.UNKNOWN));
        long segmentData = head.length + segmentHeader.length;
        long infoAbsolute = 4_500_000_000L;
        long infoAt = infoAbsolute - segmentData;
        long tracksAt = infoAt + infoElement.length;
        byte[] seekHead = seekHead(infoAt, tracksAt);
        // One Cluster whose size spans the sparse gap up to the headers.
        long clusterData = segmentData + seekHead.length + 4 + 8;
        byte[] clusterHeader = Fixtures.concat(EbmlBytes.id(MatroskaIds.CLUSTER),
                EbmlBytes.size8(infoAbsolute - clusterData));
        Path file = dir.resolve("big.mkv");
        try (var raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.write(Fixtures.concat(head, segmentHeader, seekHead, clusterHeader));
            raf.seek(infoAbsolute);
            raf.write(Fixtures.concat(infoElement, top.get(MatroskaIds.TRACKS)));
        }

        try (CountingChannel channel = new CountingChannel(FileChannel.open(file))) {
            assertTrue(channel.size() > 4L << 30);
            MediaInfo info = probe.probe(channel);

            assertEquals("h264", info.video().get(0).codec());
            assertEquals(320, info.video().get(0).width());
            assertEquals(Optional.of("Test Pattern"), info.title());
            assertEquals(OptionalLong.of(1023), info.durationMillis());
            assertTrue(channel.bytesRead() < 64 * 1024, "read " + channel.bytesRead() + " bytes");
        }
    }

    static byte[] seekHead(long infoAt, long tracksAt) {
        return EbmlBytes.element(MatroskaIds.SEEK_HEAD, seek(MatroskaIds.INFO, infoAt),
                seek(MatroskaIds.TRACKS, tracksAt));
    }

    /** A Seek entry with an 8-byte position, so its size does not depend on the position. */
    private static byte[] seek(int id, long position) {
        return EbmlBytes.element(MatroskaIds.SEEK, EbmlBytes.element(MatroskaIds.SEEK_ID, EbmlBytes.id(id)),
                EbmlBytes.uint(MatroskaIds.SEEK_POSITION, position));
    }

    static byte[] fixture(String name) {
        return Fixtures.bytes("mkv/" + name);
    }
}
