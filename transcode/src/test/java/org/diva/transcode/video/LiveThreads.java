package org.diva.transcode.video;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live threads a test can hold code responsible for: all but the JVM's common fork-join pool, whose workers come
 * and go with other tests' asynchronous work (the ffmpeg runner drains its pipes there).
 */
public final class LiveThreads {
    private LiveThreads() {
    }

    public static Set<Thread> now() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool")).collect(Collectors.toSet());
    }

    /**
     * Names of the threads alive now that were not in {@code before}, after giving each up to two seconds to end: a
     * pool's worker can still be on its way out when awaitTermination returns.
     */
    public static Set<String> startedSince(Set<Thread> before) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        for (Thread thread : now()) {
            if (!before.contains(thread)) {
                try {
                    thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return now().stream().filter(t -> !before.contains(t)).map(Thread::getName).collect(Collectors.toSet());
    }
}
