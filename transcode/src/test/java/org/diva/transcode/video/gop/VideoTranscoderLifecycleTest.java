package org.diva.transcode.video.gop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.LiveThreads;
import org.diva.transcode.video.VideoEncoder;
import org.diva.transcode.video.VideoFixtures;
import org.diva.transcode.video.h264.H264Encoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Output arrives GOP by GOP before the input is read through; closing mid-stream stops everything. */
class VideoTranscoderLifecycleTest {
    private static final VideoTarget SMALL = new VideoTarget(320, 180, 400_000, 0);
    private static VideoFixtures.Clip mpeg2;

    @BeforeAll
    static void read() throws IOException {
        Ffmpeg.assumeInstalled();
        mpeg2 = VideoFixtures.read(VideoFixtures.path("mpeg2_bframes.ts"));
    }

    @Test
    void theFirstGopComesOutBeforeTheInputIsReadThrough() throws IOException {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        AtomicInteger read = new AtomicInteger();
        PacketSource counted = counting(Transcodes.source(mpeg2.packets()), read);
        try (VideoTranscoder transcoder = new VideoTranscoder(mpeg2.stream(), counted, SMALL, executor,
                H264Encoder.perGop(), 2)) {
            Packet first = transcoder.next().orElseThrow();
            assertTrue(first.keyframe());
            // Two GOPs of 12 (and the next keyframe, read to find the end of the second) out of 75 packets.
            assertTrue(read.get() <= 26, read.get() + " packets read before the first came out");
            int count = 1;
            while (transcoder.next().isPresent()) {
                count++;
            }
            assertEquals(75, count);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void closingMidStreamStopsTheTasksAndLeavesNoThreadOrMemory() throws IOException, InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        var threadsBefore = LiveThreads.now();
        long heapBefore = usedHeapAfterGc(runtime);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        AtomicInteger encoded = new AtomicInteger();
        Function<EncoderSettings, VideoEncoder> counting = settings -> {
            VideoEncoder real = H264Encoder.create(settings);
            return frame -> {
                encoded.incrementAndGet();
                return real.encode(frame);
            };
        };
        VideoTranscoder transcoder = new VideoTranscoder(mpeg2.stream(), Transcodes.source(mpeg2.packets()), SMALL,
                executor, counting, 4);
        assertTrue(transcoder.next().isPresent());
        transcoder.close();
        int atClose = encoded.get();
        executor.shutdown();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS), "GOP tasks still running after close");
        assertTrue(encoded.get() <= atClose + 2, "tasks went on encoding: " + atClose + " then " + encoded.get());
        assertTrue(encoded.get() < 75, "everything was encoded anyway");
        assertThrows(IllegalStateException.class, transcoder::next);

        // awaitTermination returns as the last worker leaves the pool, a moment before its thread ends: on a loaded
        // machine the check below saw "pool-N-thread-2" still alive. A thread that does not end in 5 s still fails.
        for (Thread thread : LiveThreads.now()) {
            if (!threadsBefore.contains(thread)) {
                thread.join(5000);
            }
        }
        assertEquals(java.util.Set.of(), LiveThreads.startedSince(threadsBefore));
        long grown = usedHeapAfterGc(runtime) - heapBefore;
        assertTrue(grown < 16 << 20, "heap grew by " + (grown >> 20) + " MB");
    }

    /** Stands for JCodec looping forever on a damaged slice: a loop that checks no interrupt. */
    @Test
    void aGopStuckInACodecIsStoppedAndLeftOut() throws IOException, InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        AtomicInteger gops = new AtomicInteger();
        Function<EncoderSettings, VideoEncoder> stuckInSecond = settings -> {
            VideoEncoder real = H264Encoder.create(settings);
            boolean stuck = gops.getAndIncrement() == 1;
            return frame -> {
                while (stuck && spin()) {
                    Thread.onSpinWait();
                }
                return real.encode(frame);
            };
        };
        int count = 0;
        try (VideoTranscoder transcoder = new VideoTranscoder(mpeg2.stream(), Transcodes.source(mpeg2.packets()),
                SMALL, executor, stuckInSecond, 1, java.time.Duration.ofSeconds(2))) {
            while (transcoder.next().isPresent()) {
                count++;
            }
            assertEquals(1, transcoder.skippedGops());
        }
        assertTrue(count >= 75 - 12 && count < 75, count + " pictures: one GOP of at most 12 should be missing");
        executor.shutdown();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS), "the stuck task still runs");
    }

    private static boolean spin() {
        return true;
    }

    private static PacketSource counting(PacketSource source, AtomicInteger read) {
        return () -> {
            Optional<Packet> p = source.read();
            p.ifPresent(x -> read.incrementAndGet());
            return p;
        };
    }

    private static long usedHeapAfterGc(Runtime runtime) {
        for (int i = 0; i < 3; i++) {
            System.gc(); // a full collection: HotSpot returns when it is done
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
