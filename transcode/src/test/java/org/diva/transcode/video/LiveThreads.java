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

    /** Names of the threads alive now that were not in {@code before}. */
    public static Set<String> startedSince(Set<Thread> before) {
        return now().stream().filter(t -> !before.contains(t)).map(Thread::getName).collect(Collectors.toSet());
    }
}
