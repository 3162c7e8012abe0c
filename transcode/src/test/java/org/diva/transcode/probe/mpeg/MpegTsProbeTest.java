package org.diva.transcode.probe.mpeg;

import static org.diva.transcode.probe.mpeg.MpegAssertions.assertDuration;
import static org.diva.transcode.probe.mpeg.MpegAssertions.assertReadOnlyHeadAndTail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.CountingChannel;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.VideoTrack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * MpegTsProbe against real ffmpeg-made streams (media/ts/make.sh) and damaged copies of them. Expected durations
 * are the span ffprobe -show_packets gives: from the earliest PTS to the end of the last packet of any stream.
 */
@Timeout(60)
class MpegTsProbeTest {
    private final MpegTsProbe probe = new MpegTsProbe();

    @TempDir
    Path dir;

    @Test
    void h264HighWithTwoTaggedAacTracks() throws IOException {
        MediaInfo info = Fixtures.probe(probe, Fixtures.media("ts/h264_aac_2tracks.ts"));
        assertEquals(MediaKind.VIDEO, info.kind());
        assertEquals("mpegts", info.container());
        assertEquals(List.of(new VideoTrack("h264", Optional.of("High"), Optional.of("3.0"), 320, 240,
                OptionalDouble.of(25), OptionalInt.of(8), false, OptionalLong.empty(), Optional.empty())),
                info.video());
        assertEquals(List.of(
                new AudioTrack("aac", Optional.of("LC"), OptionalInt.of(2), OptionalInt.of(48000),
                        OptionalLong.empty(), Optional.of("eng")),
                new AudioTrack("aac", Optional.of("LC"), OptionalInt.of(1), OptionalInt.of(44100),
                        OptionalLong.empty(), Optional.of("fra"))), info.audio());
        assertEquals(List.of(), info.subtitles());
        assertDuration(2043, info);
        assertEquals(36848L * 8000 / info.durationMillis().getAsLong(), info.bitrate().getAsLong());
    }

    @Test
    void interlacedMpeg2WithMp2() throws IOException {
        MediaInfo info = Fixtures.probe(probe, Fixtures.media("ts/mpeg2_mp2.ts"));
        assertEquals(List.of(new VideoTrack("mpeg2video", Optional.of("Main"), Optional.of("Main"), 352, 288,
                OptionalDouble.of(25), OptionalInt.of(8), true, OptionalLong.empty(), Optional.empty())),
                info.video());
        assertEquals(List.of(new AudioTrack("mp2", Optional.empty(), OptionalInt.of(2), OptionalInt.of(48000),
                OptionalLong.of(64000), Optional.empty())), info.audio());
        assertDuration(1010, info);
    }

    @Test
    void h264WithAc3FivePointOne() throws IOException {
        MediaInfo info = Fixtures.probe(probe, Fixtures.media("ts/h264_ac3_51.ts"));
        VideoTrack video = info.video().get(0);
        assertEquals("h264", video.codec());
        assertEquals(Optional.of("Main"), video.profile());
        assertEquals(Optional.of("1.3"), video.level());
        assertEquals(OptionalDouble.of(29.97), video.frameRate());
        assertEquals(List.of(new AudioTrack("ac3", Optional.empty(), OptionalInt.of(6), OptionalInt.of(48000),
                OptionalLong.of(192000), Optional.empty())), info.audio());
        assertDuration(1024, info);
    }

    @Test
    void bdavM2tsWith192BytePackets() throws IOException {
        MediaInfo info = Fixtures.probe(probe, Fixtures.media("ts/h264_ac3.m2ts"));
        assertEquals("m2ts", info.container());
        assertEquals(List.of(new VideoTrack("h264", Optional.of("High"), Optional.of("1.3"), 320, 240,
                OptionalDouble.of(23.976), OptionalInt.of(8), false, OptionalLong.empty(), Optional.empty())),
                info.video());
        assertEquals(List.of(new AudioTrack("ac3", Optional.empty(), OptionalInt.of(2), OptionalInt.of(48000),
                OptionalLong.of(96000), Optional.empty())), info.audio());
        assertDuration(1024, info);
    }

    @Test
    void audioOnlyDvbStreamWithMp3AndPrivateDataEac3() throws IOException {
        MediaInfo info = Fixtures.probe(probe, Fixtures.media("ts/mp3_eac3_audio.ts"));
        assertEquals(MediaKind.AUDIO, info.kind());
        assertEquals(List.of(), info.video());
        assertEquals(List.of(
                new AudioTrack("mp3", Optional.empty(), OptionalInt.of(1), OptionalInt.of(22050),
                        OptionalLong.of(32000), Optional.empty()),
                new AudioTrack("eac3", Optional.empty(), OptionalInt.of(2), OptionalInt.of(48000),
                        OptionalLong.of(96000), Optional.of("deu"))), info.audio());
        assertDuration(1071, info);
    }

    @Test
    void durationSurvivesTheWrapOfThe33BitClock() throws IOException {
        byte[] original = Fixtures.bytes("ts/h264_aac_2tracks.ts");
        // The fixture's time stamps start near 1.4 s: move them to 1 s before the wrap, so it wraps mid-file.
        long shift = (1L << 33) - 90_000 - 126_000;
        MediaInfo info = Fixtures.probe(probe, dir, "wrapped.ts", TsEdit.shiftTimestamps(original, shift));
        assertDuration(2043, info);
    }

    @Test
    void aRecordingCutMidStreamStartsAtItsFirstMediaPacketNotItsFirstPmt() throws IOException {
        byte[] original = Fixtures.bytes("ts/h264_aac_2tracks.ts");
        // From packet 63 on, both audio streams start PES packets before the next PMT (packet 82).
        byte[] cut = Arrays.copyOfRange(original, 63 * 188, original.length);
        assertDuration(1679, Fixtures.probe(probe, dir, "cut.ts", cut));
    }

    @Test
    void toleratesAGarbagePrefix() throws IOException {
        byte[] original = Fixtures.bytes("ts/h264_aac_2tracks.ts");
        byte[] prefixed = Fixtures.concat(Fixtures.random(7, 1000), original);
        MediaInfo info = Fixtures.probe(probe, dir, "prefixed.ts", prefixed);
        assertEquals(Fixtures.probe(probe, Fixtures.media("ts/h264_aac_2tracks.ts")).withDerivedBitrate(0).video(),
                info.video());
        assertDuration(2043, info);
    }

    @Test
    void resynchronisesAfterDamageInTheMiddle() throws IOException {
        byte[] damaged = Fixtures.bytes("ts/h264_aac_2tracks.ts");
        byte[] garbage = Fixtures.random(11, 3000);
        System.arraycopy(garbage, 0, damaged, 15_000, garbage.length);
        MediaInfo info = Fixtures.probe(probe, dir, "damaged.ts", damaged);
        assertEquals(320, info.video().get(0).width());
        assertEquals(2, info.audio().size());
        assertDuration(2043, info);
    }

    @Test
    void aFileCutMidPacketIsProbedUpToTheCut() throws IOException {
        byte[] original = Fixtures.bytes("ts/h264_aac_2tracks.ts");
        MediaInfo info = Fixtures.probe(probe, dir, "cut.ts", Arrays.copyOf(original, 100 * 188 + 77));
        assertEquals("High", info.video().get(0).profile().orElseThrow());
        assertEquals(2, info.audio().size());
        long millis = info.durationMillis().orElseThrow();
        assertTrue(millis > 500 && millis < 2000, "duration up to the cut: " + millis);
    }

    @Test
    void aFileCutBeforeAnyMediaPacketReportsTheTablesOnly() throws IOException {
        byte[] original = Fixtures.bytes("ts/h264_aac_2tracks.ts");
        MediaInfo info = Fixtures.probe(probe, dir, "tables.ts", Arrays.copyOf(original, 3 * 188 + 50));
        assertEquals("h264", info.video().get(0).codec());
        assertEquals(0, info.video().get(0).width(), "no SPS was read");
        assertEquals(List.of("aac", "aac"), info.audio().stream().map(AudioTrack::codec).toList());
        assertEquals(Optional.of("eng"), info.audio().get(0).language());
        assertEquals(OptionalLong.empty(), info.durationMillis());
        assertEquals(OptionalLong.empty(), info.bitrate());
    }

    @Test
    void refusesAnEmptyFile() {
        assertEquals("not an MPEG-TS file: the file is empty", Fixtures.refusal(probe, dir, "empty.ts", new byte[0]));
    }

    @Test
    void refusesAFileShorterThanTwoPackets() {
        byte[] original = Fixtures.bytes("ts/h264_aac_2tracks.ts");
        assertEquals("not an MPEG-TS file: its 300 bytes are fewer than two 188-byte packets",
                Fixtures.refusal(probe, dir, "short.ts", Arrays.copyOf(original, 300)));
    }

    @Test
    void refusesGarbageAndFilesWithoutSync() {
        assertEquals("not an MPEG-TS file: no 0x47 sync byte recurring every 188 or 192 bytes in the first"
                + " 65,536 bytes", Fixtures.refusal(probe, dir, "garbage.ts", Fixtures.random(3, 200_000)));
        byte[] text = "lorem ipsum dolor sit amet, consectetur adipiscing elit\n".repeat(200)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(String.format("not an MPEG-TS file: no 0x47 sync byte recurring every 188 or 192 bytes in the"
                + " first %,d bytes", text.length), Fixtures.refusal(probe, dir, "text.ts", text));
        assertTrue(Fixtures.refusal(probe, dir, "ps.mpg", Fixtures.bytes("ps/mpeg2_mp2.mpg"))
                .startsWith("not an MPEG-TS file"));
    }

    @Test
    void refusesAFileOfOnlyNullPackets() {
        assertEquals("MPEG-TS holds only null packets (PID 0x1FFF) in its first 188,000 bytes: no program to play",
                Fixtures.refusal(probe, dir, "null.ts", TsEdit.nullPackets(1000)));
    }

    @Test
    void refusesAStreamWithoutPat() {
        byte[] noPat = TsEdit.nullOut(Fixtures.bytes("ts/h264_aac_2tracks.ts"), pid -> pid == 0);
        assertTrue(Fixtures.refusal(probe, dir, "nopat.ts", noPat).startsWith(
                "MPEG-TS without a program association table: no PAT on PID 0 in the first 36,848 bytes"));
    }

    @Test
    void refusesAPatWithoutPmt() {
        byte[] original = Fixtures.bytes("ts/h264_aac_2tracks.ts");
        int pmt = TsEdit.pmtPid(original);
        assertEquals("MPEG-TS program 1 has no program map: the PAT names PID 0x1000 for its PMT, but no readable"
                + " PMT arrived there in the first 36,848 bytes",
                Fixtures.refusal(probe, dir, "nopmt.ts", TsEdit.nullOut(original, pid -> pid == pmt)));
    }

    @Test
    void refusesAPmtWhoseSectionLengthRunsPastWhatFollows() {
        byte[] damaged = TsEdit.setPmtSectionLength(Fixtures.bytes("ts/h264_aac_2tracks.ts"), 1000,
                Integer.MAX_VALUE);
        String reason = Fixtures.refusal(probe, dir, "longpmt.ts", damaged);
        assertTrue(reason.startsWith("MPEG-TS program 1 has no program map"), reason);
        assertTrue(reason.matches(".*; the PMT section at byte [0-9,]+ declares section_length 1,000, but only 180"
                + " bytes of it arrived before (the next section began|the data ended)"), reason);
    }

    @Test
    void refusesAPmtWhoseSectionLengthExceedsTheMaximum() {
        byte[] damaged = TsEdit.setPmtSectionLength(Fixtures.bytes("ts/h264_aac_2tracks.ts"), 0xfff,
                Integer.MAX_VALUE);
        String reason = Fixtures.refusal(probe, dir, "hugepmt.ts", damaged);
        assertTrue(reason.endsWith("declares section_length 4,095, more than the 1,021 allowed"), reason);
    }

    @Test
    void aDamagedFirstPmtIsReplacedByItsRepetition() throws IOException {
        byte[] damaged = TsEdit.setPmtSectionLength(Fixtures.bytes("ts/h264_aac_2tracks.ts"), 1000, 1);
        assertEquals(2, Fixtures.probe(probe, dir, "firstpmt.ts", damaged).audio().size());
    }

    @Test
    void readsOnlyTheHeadAndTailOfAFileOver4GiB() throws IOException {
        byte[] fixture = Fixtures.bytes("ts/h264_aac_2tracks.ts");
        long size = 5L * 1024 * 1024 * 1024 + 123;
        Path big = Fixtures.sparse(dir, size, fixture, Arrays.copyOfRange(fixture, 10 * 188, fixture.length));
        try (CountingChannel channel = new CountingChannel(FileChannel.open(big))) {
            MediaInfo info = probe.probe(channel);
            assertEquals(320, info.video().get(0).width());
            assertDuration(2043, info);
            assertEquals(size * 8000 / info.durationMillis().getAsLong(), info.bitrate().getAsLong());
            assertReadOnlyHeadAndTail(channel);
        }
    }

    @Test
    void aTailWithoutTimeStampsLeavesTheDurationUnknown() throws IOException {
        byte[] fixture = Fixtures.bytes("ts/h264_aac_2tracks.ts");
        Path big = Fixtures.sparse(dir, 5L * 1024 * 1024 * 1024, fixture, null);
        try (CountingChannel channel = new CountingChannel(FileChannel.open(big))) {
            MediaInfo info = probe.probe(channel);
            assertEquals("h264", info.video().get(0).codec());
            assertEquals(OptionalLong.empty(), info.durationMillis());
            assertEquals(OptionalLong.empty(), info.bitrate());
            assertReadOnlyHeadAndTail(channel);
        }
    }

    @Test
    void randomDamageNeverEscapesAsAnUncheckedException() throws IOException {
        Fixtures.fuzz(probe, dir, Fixtures.bytes("ts/h264_aac_2tracks.ts"), 1, 300);
        Fixtures.fuzz(probe, dir, Fixtures.bytes("ts/h264_ac3.m2ts"), 2, 200);
        Fixtures.fuzz(probe, dir, Fixtures.bytes("ts/mpeg2_mp2.ts"), 3, 200);
    }
}
