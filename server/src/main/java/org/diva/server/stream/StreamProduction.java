package org.diva.server.stream;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.diva.config.StreamSettings;
import org.diva.transcode.audio.AudioConverter;
import org.diva.transcode.audio.mp2.Mp2Settings;
import org.diva.transcode.demux.StandardDemuxers;
import org.diva.transcode.mux.mp4.Mp4Muxer;
import org.diva.transcode.mux.ts.TsMuxer;
import org.diva.transcode.mux.ts.TsSettings;
import org.diva.transcode.pipeline.Pipelines;
import org.diva.transcode.video.gop.CodecWarmup;
import org.diva.transcode.video.gop.VideoTranscodeStage;
import org.diva.transcode.video.h264.H264Encoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What converting streams runs on: a pool of one thread per core for GOP encoding (shared by every conversion, so
 * two viewers split the cores instead of fighting over twice as many threads), the pipelines built from DiVA's
 * demuxers, encoders and muxers (MPEG-TS and MP4), and the productions with their store. One lifecycle: closing
 * cancels every conversion and stops the threads.
 */
public final class StreamProduction implements AutoCloseable {
    /** A production nobody reads is stopped after this (a TV switched off mid-film). */
    static final Duration IDLE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(StreamProduction.class);
    private static final int WARMUP_ROUNDS = 3;

    private final ExecutorService gops;
    private final StreamJobs jobs;
    private final Pipelines tsPipelines;
    private final Pipelines mp4Pipelines;

    public StreamProduction(Path dir, StreamSettings settings, Clock clock) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        this.gops = Executors.newFixedThreadPool(cores, daemon("diva-gop"));
        Pipelines.VideoStageFactory video = (input, target, index) -> new VideoTranscodeStage(input, target, index,
                gops, H264Encoder.perGop(), 2 * cores);
        Pipelines.AudioStageFactory audio = (input, target, index) -> new AudioConverter(input,
                new Mp2Settings(target.sampleRate(), target.channels(), target.bitrate() / 1000, true), index);
        this.tsPipelines = new Pipelines(StandardDemuxers::open,
                (streams, out) -> new TsMuxer(streams, out, TsSettings.DEFAULT), video, audio);
        this.mp4Pipelines = new Pipelines(StandardDemuxers::open, Mp4Muxer::new, video, audio);
        this.jobs = new StreamJobs(dir, settings.storeBytes(), settings.maxConversions(), IDLE,
                Executors.newCachedThreadPool(daemon("diva-stream")),
                Executors.newSingleThreadScheduledExecutor(daemon("diva-stream-idle")), clock);
        gops.submit(StreamProduction::warmUp);
    }

    /** The first viewer after a start should not wait for the JIT: convert a built-in second of video first. */
    private static void warmUp() {
        long start = System.nanoTime();
        try {
            int pictures = CodecWarmup.run(WARMUP_ROUNDS);
            LOG.debug("codec warm-up: {} pictures in {} ms", pictures, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.warn("codec warm-up failed (the first conversion will start more slowly): {}", e.toString());
        }
    }

    /** The pipelines that write a decision's output container: mpegts (streaming) or mp4 (whole files). */
    public Pipelines pipelines(String container) {
        return switch (container) {
            case "mpegts" -> tsPipelines;
            case "mp4" -> mp4Pipelines;
            default -> throw new IllegalArgumentException("DiVA writes no " + container + " output");
        };
    }

    public StreamJobs jobs() {
        return jobs;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() throws InterruptedException {
        jobs.close();
        gops.shutdownNow();
        gops.awaitTermination(10, TimeUnit.SECONDS);
    }
}
