package org.diva.server.pool.swarm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.diva.server.pool.Neighbours.Neighbour;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.content.ChunkList;
import org.diva.server.pool.content.ContentId;
import org.diva.server.pool.content.ContentStore;

/**
 * The driver of bench/swarm: one reader (this JVM) pulls a title from k = 1..4 holder processes
 * ({@link SwarmHolderMain}), each capped at the same upload rate, and prints aggregate throughput / (k x cap); then,
 * with three holders, the longest gap between deliveries after one holder is killed (SIGKILL) or stopped (SIGSTOP)
 * mid-stream.
 *
 * <p>Arguments: {@code <workDir> <sizeMiB> <capBytesPerSecond> <reps> <classpath>}.
 */
public final class SwarmBench {
    private final Path work;
    private final long cap;
    private final String classpath;
    private final TestHolder reader;
    private final List<Proc> holders = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private ContentId id;
    private long size;

    private record Proc(Process process, URI base, ServerId id) {
    }

    private SwarmBench(Path work, long cap, String classpath) throws Exception {
        this.work = work;
        this.cap = cap;
        this.classpath = classpath;
        this.reader = TestHolder.start("reader", work.resolve("reader"), 1L << 40, 0);
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        SwarmBench bench = new SwarmBench(work, Long.parseLong(args[2]), args[4]);
        try {
            bench.run(Integer.parseInt(args[1]), Integer.parseInt(args[3]));
        } finally {
            bench.holders.forEach(p -> p.process().destroyForcibly());
            bench.timer.shutdownNow();
            bench.reader.close();
        }
    }

    private void run(int sizeMiB, int reps) throws Exception {
        Path file = title(sizeMiB);
        size = Files.size(file);
        Files.writeString(work.resolve("members.txt"), reader.id() + "\n");
        for (int i = 0; i < 4; i++) {
            holders.add(startHolder(i, file));
        }
        List<List<Double>> ratios = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            ratios.add(new ArrayList<>());
        }
        warmUp();
        List<Double> crash = new ArrayList<>();
        List<Double> silent = new ArrayList<>();
        for (int rep = 1; rep <= reps; rep++) {
            for (int k = 1; k <= 4; k++) {
                Result r = read(holders.subList(0, k), -1, null);
                double ratio = size / r.seconds / (k * (double) cap);
                ratios.get(k - 1).add(ratio);
                System.out.printf(Locale.ROOT, "rep %d k=%d: %.1f s, %.2f MB/s, ratio %.3f, longest gap %.0f ms%n",
                        rep, k, r.seconds, size / r.seconds / 1e6, ratio, r.longestGapAfter * 1e3);
            }
            Result killed = read(holders.subList(0, 3), 2, "KILL");
            crash.add(killed.longestGapAfter);
            System.out.printf(Locale.ROOT, "rep %d crash (kill -9 of 1 of 3): longest gap after it %.0f ms "
                    + "(before it %.0f ms), %.2f MB/s overall%n", rep, killed.longestGapAfter * 1e3,
                    killed.longestGapBefore * 1e3, size / killed.seconds / 1e6);
            holders.set(2, startHolder(2, file));
            Result stopped = read(holders.subList(0, 3), 2, "STOP");
            silent.add(stopped.longestGapAfter);
            System.out.printf(Locale.ROOT, "rep %d silent (SIGSTOP of 1 of 3): longest gap after it %.0f ms "
                    + "(before it %.0f ms), %.2f MB/s overall%n", rep, stopped.longestGapAfter * 1e3,
                    stopped.longestGapBefore * 1e3, size / stopped.seconds / 1e6);
            signal(holders.get(2), "CONT");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "title %d MiB, cap %.1f MB/s per holder, %d reps; medians:%n", sizeMiB,
                cap / 1e6, reps);
        for (int k = 1; k <= 4; k++) {
            System.out.printf(Locale.ROOT, "k=%d: aggregate / (k x cap) = %.3f  (goal >= 0.9)%n", k,
                    median(ratios.get(k - 1)));
        }
        System.out.printf(Locale.ROOT, "crash: longest delivery gap %.0f ms  (goal <= 1500)%n", median(crash) * 1e3);
        System.out.printf(Locale.ROOT, "silent: longest delivery gap %.0f ms  (goal <= 3000)%n",
                median(silent) * 1e3);
    }

    /** An untimed read of the first 16 MiB from every holder: a running server's code is compiled, ours too. */
    private void warmUp() throws Exception {
        try (SwarmChannel channel = readersFor(holders).openSwarm(id)) {
            ByteBuffer buffer = ByteBuffer.allocate(ChunkList.CHUNK_SIZE);
            for (int i = 0; i < 16 && channel.read(buffer.clear()) > 0; i++) {
                // reading is the point
            }
        }
    }

    /** A reader of the given holders with a fresh, empty store of budget 0: every byte crosses the network. */
    private SwarmReaders readersFor(List<Proc> from) throws IOException {
        FixedNeighbours neighbours = new FixedNeighbours(reader, List.of());
        List<ServerId> members = new ArrayList<>(List.of(reader.id()));
        for (Proc p : from) {
            neighbours.online.add(new Neighbour(p.id(), "holder", p.base()));
            members.add(p.id());
        }
        reader.trust().setMembers(members);
        ContentStore store = ContentStore.open(Files.createTempDirectory(work, "store"), 0, Clock.systemUTC());
        return new SwarmReaders(neighbours, store, reader.ids(), timer, System::nanoTime, SwarmSettings.defaults());
    }

    private record Result(double seconds, double longestGapBefore, double longestGapAfter) {
    }

    /** Reads the whole title; with a fault, does it to holder {@code victim} at 40% of the title. */
    private Result read(List<Proc> from, int victim, String fault) throws Exception {
        SwarmReaders readers = readersFor(from);
        ByteBuffer buffer = ByteBuffer.allocate(ChunkList.CHUNK_SIZE);
        long start = System.nanoTime();
        long last = start;
        long faultAt = fault == null ? Long.MAX_VALUE : (long) (size * 0.4);
        boolean faulted = false;
        double before = 0;
        double after = 0;
        long read = 0;
        try (SwarmChannel channel = readers.openSwarm(id)) {
            int n;
            while ((n = channel.read(buffer.clear())) > 0) {
                long now = System.nanoTime();
                double gap = (now - last) / 1e9;
                if (faulted) {
                    after = Math.max(after, gap);
                } else {
                    before = Math.max(before, gap);
                }
                last = now;
                read += n;
                if (!faulted && read >= faultAt) {
                    faulted = true;
                    if (fault.equals("KILL")) {
                        from.get(victim).process().destroyForcibly();
                    } else {
                        signal(from.get(victim), fault);
                    }
                    last = System.nanoTime();
                }
            }
        }
        if (read != size) {
            throw new IOException("read " + read + " of " + size + " bytes");
        }
        return new Result((System.nanoTime() - start) / 1e9, before, fault == null ? before : after);
    }

    private Proc startHolder(int index, Path file) throws IOException {
        Path dir = work.resolve("holder" + index);
        Process p = new ProcessBuilder("java", "-Xmx256m", "-XX:+UseSerialGC", "-cp", classpath,
                SwarmHolderMain.class.getName(), dir.toString(), file.toString(), String.valueOf(cap),
                work.resolve("members.txt").toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("holder" + index + ".log").toFile()))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("READY ")) {
            p.destroyForcibly();
            throw new IOException("holder " + index + " did not start (see " + work + "/holder" + index + ".log): "
                    + line);
        }
        String[] parts = line.split(" ");
        id = new ContentId(parts[3]);
        return new Proc(p, URI.create(parts[1]), ServerId.parse(parts[2]));
    }

    private static void signal(Proc proc, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(proc.process().pid())).inheritIO().start().waitFor();
    }

    /** A title of random chunks, made once and kept in the work folder. */
    private Path title(int sizeMiB) throws IOException {
        Path file = work.resolve("title-" + sizeMiB + "m.bin");
        if (Files.exists(file) && Files.size(file) == (long) sizeMiB << 20) {
            return file;
        }
        byte[] chunk = new byte[1 << 20];
        Random random = new Random(42);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int i = 0; i < sizeMiB; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        return file;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    @Override
    public String toString() {
        return "SwarmBench " + Arrays.asList(work, cap);
    }
}
