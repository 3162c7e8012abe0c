package org.diva.transcode.probe.audio;

import static org.diva.transcode.probe.MediaFixtures.audio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.diva.transcode.probe.ContainerFormat;
import org.diva.transcode.probe.MediaInfo;
import org.junit.jupiter.api.Test;

/**
 * jaudiotagger 3.0.1 parses MPEG frame headers through a static buffer; a library scan probes on every core.
 * Probing two different MP3s at once, many times, must give each its own facts (see {@link Mp3Frames#LOCK}).
 */
class ConcurrentMp3ProbeTest {
    @Test
    void concurrentProbesDoNotSwapFrameHeaders() throws Exception {
        AudioFileProbe probe = new AudioFileProbe();
        List<Path> files = List.of(audio("tone.mp3"), audio("stereo-vbr.mp3"));
        List<MediaInfo> expected = new ArrayList<>();
        for (Path file : files) {
            expected.add(probe.probe(file, ContainerFormat.MP3).info());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        int which = i % 2;
                        MediaInfo info = probe.probe(files.get(which), ContainerFormat.MP3).info();
                        if (!info.audio().equals(expected.get(which).audio())
                                || !info.durationMillis().equals(expected.get(which).durationMillis())) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(60, TimeUnit.SECONDS), "a probe saw another file's frame header");
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(2, expected.size());
    }
}
