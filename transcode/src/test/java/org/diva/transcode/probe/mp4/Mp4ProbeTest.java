package org.diva.transcode.probe.mp4;

import static org.diva.transcode.probe.Fixtures.concat;
import static org.diva.transcode.probe.mp4.Mp4TestFiles.box;
import static org.diva.transcode.probe.mp4.Mp4TestFiles.boxAt;
import static org.diva.transcode.probe.mp4.Mp4TestFiles.bytes;
import static org.diva.transcode.probe.mp4.Mp4TestFiles.fixture;
import static org.diva.transcode.probe.mp4.Mp4TestFiles.offset;
import static org.diva.transcode.probe.mp4.Mp4TestFiles.probe;
import static org.diva.transcode.probe.mp4.Mp4TestFiles.putType;
import static org.diva.transcode.probe.mp4.Mp4TestFiles.scan;
import static org.diva.transcode.probe.mp4.Mp4TestFiles.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.VideoTrack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Probes the real files media/mp4/make.sh makes with ffmpeg; expected values are what ffprobe reports for them. */
class Mp4ProbeTest {
    @TempDir
    Path dir;

    @Test
    void h264HighWithAacStereoAndTheMovieHeaderFirst() throws IOException {
        MediaInfo info = probe("h264_high_aac_faststart.mp4");

        assertEquals(MediaKind.VIDEO, info.kind());
        assertEquals("mp4", info.container());
        assertDuration(1000, info);
        assertVideo(info.video().get(0), "h264", "High", "3.0", 320, 180, 25.0, 8);
        assertEquals(OptionalLong.of(27_320), info.video().get(0).bitrate());
        assertFalse(info.video().get(0).interlaced());
        assertAudio(info.audio().get(0), "aac", "LC", 2, 48000, null);
        assertEquals(OptionalLong.of(46_613), info.audio().get(0).bitrate());
        assertEquals(OptionalLong.of(Files.size(fixture("h264_high_aac_faststart.mp4")) * 8), info.bitrate());
        assertEquals(Optional.empty(), info.title());
    }

    @Test
    void movieHeaderAfterTheMediaDataReadsTheSame() throws IOException {
        assertTrue(offset(bytes("h264_high_aac_moov_end.mp4"), "mdat")
                < offset(bytes("h264_high_aac_moov_end.mp4"), "moov"), "fixture has moov at the end");

        assertEquals(probe("h264_high_aac_faststart.mp4"), probe("h264_high_aac_moov_end.mp4"));
    }

    @Test
    void h264ConstrainedBaselineInQuickTimeWithTitle() throws IOException {
        MediaInfo info = probe("h264_baseline.mov");

        assertEquals("mov", info.container());
        assertEquals(Optional.of("Baseline clip"), info.title());
        assertDuration(1000, info);
        assertVideo(info.video().get(0), "h264", "Constrained Baseline", "1.2", 176, 144, 15.0, 8);
        assertAudio(info.audio().get(0), "aac", "LC", 1, 22050, null); // esds inside QuickTime's 'wave'
    }

    @Test
    void quickTimeWithoutFileTypeBox() throws IOException {
        byte[] mov = bytes("h264_baseline.mov");
        int wide = offset(mov, "wide");

        MediaInfo info = probe(slice(mov, wide, mov.length - wide), dir);

        assertEquals("mov", info.container());
        assertEquals("h264", info.video().get(0).codec());
    }

    @Test
    void mpeg4Part2WithMp3() throws IOException {
        MediaInfo info = probe("mpeg4_mp3.mp4");

        assertVideo(info.video().get(0), "mpeg4", "Simple", "1", 176, 144, 10.0, -1);
        assertAudio(info.audio().get(0), "mp3", null, 2, 44100, null);
        assertEquals(OptionalLong.of(32_622), info.audio().get(0).bitrate());
    }

    @Test
    void hevcMain10() throws IOException {
        MediaInfo info = probe("hevc_main10.mp4");

        assertDuration(500, info);
        assertVideo(info.video().get(0), "hevc", "Main 10", "2.0", 320, 180, 24.0, 10);
        assertTrue(info.audio().isEmpty());
    }

    @Test
    void audioOnlyM4aWithTitleAndChapterTrack() throws IOException {
        MediaInfo info = probe("tone_title.m4a");

        assertEquals(MediaKind.AUDIO, info.kind());
        assertEquals("mp4", info.container());
        assertEquals(Optional.of("Sinus à 440 Hz"), info.title());
        assertDuration(1000, info);
        assertEquals(1, info.audio().size());
        assertAudio(info.audio().get(0), "aac", "LC", 1, 44100, null);
        assertTrue(info.subtitles().isEmpty(), "the chapter text track is not a subtitle");
    }

    @Test
    void titleFromQuickTimeMetadataKeys() throws IOException {
        MediaInfo info = probe("keys_title.mov");

        assertEquals(Optional.of("Keyed title"), info.title());
        assertEquals("mov", info.container());
    }

    @Test
    void titleFromQuickTimeStyleMetaWithoutVersionField() throws IOException {
        byte[] m4a = bytes("tone_title.m4a");
        byte[] meta = box("meta", boxAt(m4a, "moov/udta/meta/hdlr"), boxAt(m4a, "moov/udta/meta/ilst"));
        byte[] moov = box("moov", boxAt(m4a, "moov/mvhd"), boxAt(m4a, "moov/trak"), box("udta", meta));

        assertEquals(Optional.of("Sinus à 440 Hz"), probe(concat(boxAt(m4a, "ftyp"), moov), dir).title());
    }

    @Test
    void twoAudioLanguagesAndASubtitle() throws IOException {
        MediaInfo info = probe("multilang.mp4");

        assertVideo(info.video().get(0), "h264", "High", "1.1", 160, 90, 25.0, 8);
        assertEquals(Optional.empty(), info.video().get(0).language(), "'und' is no language");
        assertEquals(2, info.audio().size());
        assertAudio(info.audio().get(0), "aac", "LC", 2, 48000, "eng");
        assertAudio(info.audio().get(1), "aac", "LC", 1, 44100, "fra");
        assertEquals(1, info.subtitles().size());
        assertEquals("mov_text", info.subtitles().get(0).format());
        assertEquals(Optional.of("eng"), info.subtitles().get(0).language());
    }

    @Test
    void surroundAc3AndEac3() throws IOException {
        MediaInfo info = probe("ac3_eac3_51.mp4");

        assertEquals(MediaKind.AUDIO, info.kind());
        assertDuration(507, info);
        assertAudio(info.audio().get(0), "ac3", null, 6, 48000, null); // the entry itself says 2 channels
        assertEquals(OptionalLong.of(384_000), info.audio().get(0).bitrate());
        assertAudio(info.audio().get(1), "eac3", null, 6, 48000, null);
        assertEquals(OptionalLong.of(192_000), info.audio().get(1).bitrate());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file,    codec, channels, rate,  bitrate, duration
        "opus.mp4,  opus,  2,        48000, 28849,   250",
        "pcm.mov,   pcm,   1,        8000,  128000,  250",
        "alac.m4a,  alac,  1,        44100, 705600,  100",
        "flac.mp4,  flac,  1,        48000, 110000,  100",
    })
    void otherAudioCodecs(String file, String codec, int channels, int rate, long bitrate, long duration)
            throws IOException {
        MediaInfo info = probe(file);

        assertEquals(MediaKind.AUDIO, info.kind());
        assertDuration(duration, info);
        assertAudio(info.audio().get(0), codec, null, channels, rate, null);
        assertEquals(OptionalLong.of(bitrate), info.audio().get(0).bitrate());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file,   codec, profile,    level, width, height, fps,  bit depth
        "vp9.mp4,  vp9,   Profile 0,  1.0,   64,    64,     10.0, 8",
        "av1.mp4,  av1,   Main,       2.0,   64,    64,     10.0, 10",
    })
    void otherVideoCodecs(String file, String codec, String profile, String level, int width, int height, double fps,
                          int bitDepth) throws IOException {
        assertVideo(probe(file).video().get(0), codec, profile, level, width, height, fps, bitDepth);
    }

    @Test
    void fragmentedWithoutIndexHasNoDuration() throws IOException {
        MediaInfo info = probe("fragmented.mp4");

        // The moov of a fragmented file holds no samples; ffmpeg writes no mehd, so only reading every fragment
        // would tell the duration. The frame rate comes from the SPS timing instead of the empty stts.
        assertEquals(OptionalLong.empty(), info.durationMillis());
        assertEquals(OptionalLong.empty(), info.bitrate());
        assertVideo(info.video().get(0), "h264", "Main", "1.1", 160, 90, 25.0, 8);
    }

    @Test
    void fragmentedWithSegmentIndexHasDuration() throws IOException {
        assertDuration(1000, probe("fragmented_sidx.mp4"));
    }

    @Test
    void segmentIndexOfOnlyTheFirstSegmentIsNotTheDuration() throws IOException {
        byte[] file = bytes("fragmented_sidx.mp4");
        int sidx = offset(file, "sidx");
        assertEquals(1, file[sidx + 8], "fixture sidx is version 1");
        Mp4TestFiles.putInt(file, sidx + 36, 1); // reserved(16) + reference_count(16): keep one reference

        assertEquals(OptionalLong.empty(), probe(file, dir).durationMillis());
    }

    @Test
    void unknownSampleEntryCodeIsReportedLowerCase() throws IOException {
        byte[] file = bytes("h264_high_aac_faststart.mp4");
        putType(file, scan(file, "avc1", offset(file, "moov")), "XYZ ");

        VideoTrack video = probe(file, dir).video().get(0);

        assertEquals("xyz", video.codec());
        assertEquals(320, video.width());
        assertEquals(OptionalDouble.of(25.0), video.frameRate());
    }

    static void assertDuration(long expectedMillis, MediaInfo info) {
        assertTrue(info.durationMillis().isPresent(), "duration");
        assertEquals(expectedMillis, info.durationMillis().getAsLong(), 5, "duration in ms");
    }

    static void assertVideo(VideoTrack track, String codec, String profile, String level, int width, int height,
                            double fps, int bitDepth) {
        assertEquals(codec, track.codec(), "codec");
        assertEquals(Optional.ofNullable(profile), track.profile(), "profile");
        assertEquals(Optional.ofNullable(level), track.level(), "level");
        assertEquals(width, track.width(), "width");
        assertEquals(height, track.height(), "height");
        assertEquals(OptionalDouble.of(fps), track.frameRate(), "frame rate");
        assertEquals(bitDepth > 0 ? OptionalInt.of(bitDepth) : OptionalInt.empty(), track.bitDepth(), "bit depth");
    }

    static void assertAudio(AudioTrack track, String codec, String profile, int channels, int sampleRate,
                            String language) {
        assertEquals(codec, track.codec(), "codec");
        assertEquals(Optional.ofNullable(profile), track.profile(), "profile");
        assertEquals(OptionalInt.of(channels), track.channels(), "channels");
        assertEquals(OptionalInt.of(sampleRate), track.sampleRate(), "sample rate");
        assertEquals(Optional.ofNullable(language), track.language(), "language");
    }
}
