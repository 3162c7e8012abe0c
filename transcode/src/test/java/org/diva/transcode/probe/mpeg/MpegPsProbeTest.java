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
 * MpegPsProbe against real ffmpeg-made program streams (media/ps/make.sh) and damaged copies of them. Expected
 * durations are the span ffprobe -show_packets gives: from the earliest PTS to the end of the last packet.
 */
@Timeout(60)
class MpegPsProbeTest {
    private final MpegPsProbe probe = new MpegPsProbe();

    @TempDir
    Path dir;

    @Test
    void mpeg2ProgramStreamWithMp2() throws IOException {
        MediaInfo info = Fixtures.probe(probe, Fixtures.media("ps/mpeg2_mp2.mpg"));
        assertEquals(MediaKind.VIDEO, info.kind());
        assertEquals("mpegps", info.container());
        assertEquals(List.of(new VideoTrack("mpeg2video", Optional.of("Main"), Optional.of("Main"), 352, 288,
                OptionalDouble.of(25), OptionalInt.of(8), false, OptionalLong.empty(), Optional.empty())),
                info.video());
        assertEquals(List.of(new AudioTrack("mp2", Optional.empty(), OptionalInt.of(2), OptionalInt.of(48000),
                OptionalLong.of(64000), Optional.empty())), info.audio());
        assertEquals(List.of(), info.subtitles());
        // The muxer leaves the last video PES packets without PTS; the audio carries the file to its end.
        assertDuration(1008, info);
        assertEquals(30720L * 8000 / info.durationMillis().getAsLong(), info.bitrate().getAsLong());
    }

    @Test
    void mpeg1SystemStream() throws IOException {
        MediaInfo info = Fixtures.probe(probe, Fixtures.media("ps/mpeg1_mp2.mpg"));
        assertEquals(List.of(new VideoTrack("mpeg1video", Optional.empty(), Optional.empty(), 320, 240,
                OptionalDouble.of(25), OptionalInt.of(8), false, OptionalLong.empty(), Optional.empty())),
                info.video());
        assertEquals(List.of(new AudioTrack("mp2", Optional.empty(), OptionalInt.of(1), OptionalInt.of(44100),
                OptionalLong.of(64000), Optional.empty())), info.audio());
        assertDuration(1019, info);
    }

    @Test
    void dvdVobWithAc3AndLpcmInPrivateStream1() throws IOException {
        MediaInfo info = Fixtures.probe(probe, Fixtures.media("ps/dvd_ac3_lpcm.vob"));
        assertEquals(List.of(new VideoTrack("mpeg2video", Optional.of("Main"), Optional.of("Main"), 352, 240,
                OptionalDouble.of(29.97), OptionalInt.of(8), true, OptionalLong.empty(), Optional.empty())),
                info.video());
        assertEquals(List.of(
                new AudioTrack("ac3", Optional.empty(), OptionalInt.of(6), OptionalInt.of(48000),
                        OptionalLong.of(192000), Optional.empty()),
                new AudioTrack("pcm", Optional.empty(), OptionalInt.of(2), OptionalInt.of(48000),
                        OptionalLong.of(1536000), Optional.empty())), info.audio());
        assertDuration(1024, info);
    }

    @Test
    void h264VideoIsToldFromMpegVideoByItsOwnHeaders() throws IOException {
        MediaInfo info = Fixtures.probe(probe, Fixtures.media("ps/h264_mp2.mpg"));
        assertEquals(List.of(new VideoTrack("h264", Optional.of("Constrained Baseline"), Optional.of("1.1"), 176,
                144, OptionalDouble.of(25), OptionalInt.of(8), false, OptionalLong.empty(), Optional.empty())),
                info.video());
        assertEquals("mp2", info.audio().get(0).codec());
        assertDuration(1008, info);
    }

    @Test
    void mpeg4Part2VideoIsRecognisedWithoutDetails() throws IOException {
        MediaInfo info = Fixtures.probe(probe, Fixtures.media("ps/mpeg4_video_only.mpg"));
        assertEquals(List.of(VideoTrack.of("mpeg4", 0, 0)), info.video());
        assertEquals(List.of(), info.audio());
        // Tiny pictures share PES packets and only the first in each has a PTS, so the time stamps span 0.28 of
        // the 0.52 s; without a frame rate the probe cannot extend that (ffprobe's own estimate is 0.32 s).
        assertDuration(280, info);
    }

    @Test
    void toleratesAGarbagePrefix() throws IOException {
        byte[] prefixed = Fixtures.concat(Fixtures.random(7, 5000), Fixtures.bytes("ps/dvd_ac3_lpcm.vob"));
        MediaInfo info = Fixtures.probe(probe, dir, "prefixed.vob", prefixed);
        assertEquals(2, info.audio().size());
        assertDuration(1024, info);
    }

    @Test
    void resynchronisesAfterDamageInTheMiddle() throws IOException {
        byte[] damaged = Fixtures.bytes("ps/mpeg2_mp2.mpg");
        byte[] garbage = Fixtures.random(11, 3000);
        System.arraycopy(garbage, 0, damaged, 12_000, garbage.length);
        MediaInfo info = Fixtures.probe(probe, dir, "damaged.mpg", damaged);
        assertEquals(352, info.video().get(0).width());
        assertDuration(1008, info);
    }

    @Test
    void aFileCutMidPacketIsProbedUpToTheCut() throws IOException {
        byte[] original = Fixtures.bytes("ps/dvd_ac3_lpcm.vob");
        MediaInfo info = Fixtures.probe(probe, dir, "cut.vob", Arrays.copyOf(original, 50_001));
        assertEquals(352, info.video().get(0).width());
        assertEquals("ac3", info.audio().get(0).codec());
        long millis = info.durationMillis().orElseThrow();
        assertTrue(millis > 200 && millis < 1000, "duration up to the cut: " + millis);
    }

    @Test
    void refusesAnEmptyFile() {
        assertEquals("not an MPEG-PS file: the file is empty", Fixtures.refusal(probe, dir, "empty.mpg", new byte[0]));
    }

    @Test
    void refusesAFileCutAfterItsPackHeader() {
        byte[] original = Fixtures.bytes("ps/mpeg2_mp2.mpg");
        assertEquals("MPEG-PS without audio or video: the file ends at byte 14, after 1 pack header and no audio or"
                + " video packet", Fixtures.refusal(probe, dir, "pack.mpg", Arrays.copyOf(original, 14)));
        assertEquals("MPEG-PS without audio or video: the file ends at byte 30, after 1 pack header and no audio or"
                + " video packet", Fixtures.refusal(probe, dir, "system.mpg", Arrays.copyOf(original, 30)));
    }

    @Test
    void refusesAFileCutInsideItsFirstPackHeader() {
        byte[] original = Fixtures.bytes("ps/mpeg2_mp2.mpg");
        assertEquals("truncated MPEG-PS: the file ends at byte 10, inside its first pack header",
                Fixtures.refusal(probe, dir, "cutpack.mpg", Arrays.copyOf(original, 10)));
    }

    @Test
    void refusesGarbageTransportStreamsAndBareVideo() {
        assertEquals("not an MPEG-PS file: no pack header (00 00 01 BA) in the first 65,536 bytes",
                Fixtures.refusal(probe, dir, "garbage.mpg", Fixtures.random(3, 200_000)));
        assertTrue(Fixtures.refusal(probe, dir, "ts.mpg", Fixtures.bytes("ts/mpeg2_mp2.ts"))
                .startsWith("not an MPEG-PS file: no pack header"));
        byte[] bare = {0, 0, 1, (byte) 0xb3, 0x16, 0x01, 0x20, 0x23, (byte) 0xff, (byte) 0xff, (byte) 0xe0, 0x18};
        assertEquals("not an MPEG-PS file: it starts with an MPEG video sequence header, so it is a bare video"
                + " elementary stream without pack headers", Fixtures.refusal(probe, dir, "bare.m2v", bare));
    }

    @Test
    void refusesPacksWithoutMediaPackets() {
        byte[] original = Fixtures.bytes("ps/mpeg2_mp2.mpg");
        byte[] packs = new byte[14 * 100];
        for (int i = 0; i < 100; i++) {
            System.arraycopy(original, 0, packs, i * 14, 14);
        }
        assertEquals("MPEG-PS without audio or video: the file ends at byte 1,400, after 100 pack headers and no"
                + " audio or video packet", Fixtures.refusal(probe, dir, "packs.mpg", packs));
    }

    @Test
    void readsOnlyTheHeadAndTailOfAFileOver4GiB() throws IOException {
        byte[] fixture = Fixtures.bytes("ps/dvd_ac3_lpcm.vob");
        long size = 5L * 1024 * 1024 * 1024 + 77;
        Path big = Fixtures.sparse(dir, size, fixture, Arrays.copyOfRange(fixture, 2048, fixture.length));
        try (CountingChannel channel = new CountingChannel(FileChannel.open(big))) {
            MediaInfo info = probe.probe(channel);
            assertEquals(2, info.audio().size());
            assertDuration(1024, info);
            assertReadOnlyHeadAndTail(channel);
        }
    }

    @Test
    void aTailWithoutTimeStampsLeavesTheDurationUnknown() throws IOException {
        Path big = Fixtures.sparse(dir, 5L * 1024 * 1024 * 1024, Fixtures.bytes("ps/mpeg2_mp2.mpg"), null);
        MediaInfo info = Fixtures.probe(probe, big);
        assertEquals("mpeg2video", info.video().get(0).codec());
        assertEquals(OptionalLong.empty(), info.durationMillis());
    }

    @Test
    void randomDamageNeverEscapesAsAnUncheckedException() throws IOException {
        Fixtures.fuzz(probe, dir, Fixtures.bytes("ps/mpeg2_mp2.mpg"), 1, 300);
        Fixtures.fuzz(probe, dir, Fixtures.bytes("ps/mpeg1_mp2.mpg"), 2, 200);
        Fixtures.fuzz(probe, dir, Fixtures.bytes("ps/dvd_ac3_lpcm.vob"), 3, 200);
    }
}
