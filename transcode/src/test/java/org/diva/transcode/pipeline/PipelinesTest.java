package org.diva.transcode.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import org.diva.transcode.audio.AudioConverter;
import org.diva.transcode.audio.mp2.Mp2Settings;
import org.diva.transcode.demux.StandardDemuxers;
import org.diva.transcode.mux.ts.TsMuxer;
import org.diva.transcode.mux.ts.TsSettings;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.h264.H264Encoder;
import org.diva.transcode.video.gop.VideoTranscodeStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled pipeline with real demuxers, the GOP-parallel video transcode, the MP2 conversion and the TS muxer,
 * judged by ffprobe/ffmpeg. (Each stage has its own tests; here they run together.)
 */
class PipelinesTest {
    private static final Path MEDIA = Path.of("src/test/resources/media");
    private static final StreamPlan.AudioTarget MP2 = new StreamPlan.AudioTarget("mp2", 48_000, 2, 192_000);

    @TempDir
    Path dir;
    private final List<Long> keyframes = new ArrayList<>();
    private Pipelines pipelines;

    private final ExecutorService gops = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() throws InterruptedException {
        gops.shutdownNow();
        gops.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @BeforeEach
    void setUp() {
        Ffmpeg.assumeInstalled();
        pipelines = new Pipelines(StandardDemuxers::open,
                (streams, out) -> new TsMuxer(streams, out, TsSettings.DEFAULT),
                (input, settings, index) -> new VideoTranscodeStage(input, settings, index, gops,
                        H264Encoder.perGop(), 4),
                (input, target, index) -> new AudioConverter(input,
                        new Mp2Settings(target.sampleRate(), target.channels(), target.bitrate() / 1000, true), index));
    }

    private Path run(String fixture, String container, StreamPlan plan, long start) throws IOException {
        Path out = dir.resolve(Path.of(fixture).getFileName() + "-from-" + start + ".ts");
        try (FileChannel in = FileChannel.open(MEDIA.resolve(fixture));
             FileChannel channel = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            pipelines.run(container, in, plan, start, channel, (pts, offset) -> keyframes.add(pts));
        }
        return out;
    }

    private static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.get("streams")) {
            if (s.get("codec_type").asText().equals(type)) {
                return s;
            }
        }
        throw new AssertionError("no " + type + " stream in " + probe);
    }

    @Test
    void matroskaVideoIsCopiedAndItsAacBecomesMp2InOneCleanTransportStream() throws IOException {
        Path ts = run("mpegdemux/h264_bframes_aac.ts", "mpegts",
                new StreamPlan(OptionalInt.of(0), Optional.empty(), OptionalInt.of(0), Optional.of(MP2)), 0);
        assertEquals("", Ffmpeg.decodeErrors(ts));
        JsonNode probe = Ffmpeg.probe(ts);
        JsonNode video = stream(probe, "video");
        JsonNode audio = stream(probe, "audio");
        assertEquals("h264", video.get("codec_name").asText());
        assertEquals("mp2", audio.get("codec_name").asText());
        assertEquals(48_000, audio.get("sample_rate").asInt());
        double duration = probe.get("format").get("duration").asDouble();
        assertEquals(6.0, duration, 0.15, "the output lasts as long as the source");
        double skew = audio.get("start_time").asDouble() - video.get("start_time").asDouble();
        assertEquals(1.456778 - 1.48, skew, 0.03, "audio and video keep their offset");
        assertTrue(!keyframes.isEmpty(), "keyframes were reported");
    }

    @Test
    void mpeg2VideoBecomesH264BesideItsCopiedAudioInSync() throws IOException {
        EncoderSettings half = new EncoderSettings(88, 72, 25, 200_000, 50);
        Path ts = run("mpegdemux/mpeg2_bframes_mp2.ts", "mpegts",
                new StreamPlan(OptionalInt.of(0), Optional.of(half), OptionalInt.of(0), Optional.empty()), 0);
        assertEquals("", Ffmpeg.decodeErrors(ts));
        JsonNode probe = Ffmpeg.probe(ts, "-count_frames");
        JsonNode video = stream(probe, "video");
        assertEquals("h264", video.get("codec_name").asText());
        assertEquals(88, video.get("width").asInt());
        assertEquals(150, video.get("nb_read_frames").asInt(), "every picture of the source");
        assertEquals("mp2", stream(probe, "audio").get("codec_name").asText());
        double skew = stream(probe, "audio").get("start_time").asDouble() - video.get("start_time").asDouble();
        assertEquals(1.429978 - 1.44, skew, 0.03, "audio and video keep their offset");
        assertEquals(6.0, probe.get("format").get("duration").asDouble(), 0.15);
    }

    @Test
    void aMatroskaRemuxStartsAtTheKeyframeBeforeTheTimeAsked() throws IOException {
        Path whole = run("mkv/h264-bframes-nocues.mkv", "matroska",
                StreamPlan.remux(OptionalInt.of(0), OptionalInt.of(0)), 0);
        List<Long> all = List.copyOf(keyframes);
        assertTrue(all.size() >= 2, "the fixture needs several keyframes: " + all);
        keyframes.clear();
        long target = all.get(1) + Ticks.PER_SECOND / 10;
        Path sought = run("mkv/h264-bframes-nocues.mkv", "matroska",
                StreamPlan.remux(OptionalInt.of(0), OptionalInt.of(0)), target);
        assertEquals(all.get(1), keyframes.get(0), "starts at the keyframe at or before the time");
        assertEquals("", Ffmpeg.decodeErrors(sought));
        assertEquals("", Ffmpeg.decodeErrors(whole));
        double shorter = Ffmpeg.probe(whole).get("format").get("duration").asDouble()
                - Ffmpeg.probe(sought).get("format").get("duration").asDouble();
        assertEquals((all.get(1) - all.get(0)) / (double) Ticks.PER_SECOND, shorter, 0.1);
    }

    @Test
    void anInterruptedRunStopsAndAFailingOutputEndsTheRunWithItsError() throws IOException {
        StreamPlan plan = new StreamPlan(OptionalInt.of(0), Optional.empty(), OptionalInt.of(0), Optional.of(MP2));
        WritableByteChannel broken = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        try (FileChannel in = FileChannel.open(MEDIA.resolve("mpegdemux/h264_bframes_aac.ts"))) {
            IOException failure = assertThrows(IOException.class,
                    () -> pipelines.run("mpegts", in, plan, 0, broken, Pipeline.KeyframeListener.NONE));
            assertTrue(failure.getMessage().contains("Broken pipe"), failure.getMessage());
        }
        try (FileChannel in = FileChannel.open(MEDIA.resolve("mpegdemux/h264_bframes_aac.ts"))) {
            Thread.currentThread().interrupt();
            try {
                // the demuxer's channel read sees the interrupt first (ClosedByInterruptException) or the loop does
                assertThrows(IOException.class, () -> pipelines.run("mpegts", in, plan, 0,
                        dir.resolve("never").getFileSystem().provider().newByteChannel(dir.resolve("x.ts"),
                                java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE)),
                        Pipeline.KeyframeListener.NONE));
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void aContainerWithoutADemuxerIsAClearError() throws IOException {
        try (FileChannel in = FileChannel.open(MEDIA.resolve("avi/xvid-mp3.avi"))) {
            IOException failure = assertThrows(IOException.class, () -> pipelines.run("avi", in,
                    StreamPlan.remux(OptionalInt.of(0), OptionalInt.of(0)), 0, dir.resolve("y.ts").getFileSystem()
                            .provider().newByteChannel(dir.resolve("y.ts"), java.util.Set.of(
                                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)),
                    Pipeline.KeyframeListener.NONE));
            assertTrue(failure.getMessage().contains("avi"), failure.getMessage());
        }
    }
}
