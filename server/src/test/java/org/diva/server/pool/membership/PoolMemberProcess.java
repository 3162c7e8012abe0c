package org.diva.server.pool.membership;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pool member in a JVM of its own, for what only a process shows (kill -9, SIGSTOP). {@link #main} joins with the
 * code given, prints {@code READY}, and stays until its standard input closes.
 */
final class PoolMemberProcess implements AutoCloseable {
    final Process process;
    private final BufferedReader out;

    private PoolMemberProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        PoolTlsProperty.set();
        try (TestMember member = TestMember.start(args[1], Path.of(args[0]))) {
            if (args.length > 2) {
                member.pool.join(args[2]);
            }
            System.out.println("READY " + member.id());
            System.out.flush();
            while (System.in.read() >= 0) {
                // stay until the parent closes our input
            }
        }
    }

    static PoolMemberProcess start(Path dir, String name, String code) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djdk.tls.server.enableSessionTicketExtension=false", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), PoolMemberProcess.class.getName(),
                dir.toString(), name, code));
        return new PoolMemberProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Waits for READY; everything the process printed before is in the failure message. */
    void awaitReady(Duration timeout) throws Exception {
        StringBuilder seen = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (seen) {
                        seen.append(line).append('\n');
                        if (line.startsWith("READY")) {
                            seen.notifyAll();
                            break;
                        }
                    }
                }
            } catch (IOException e) {
                // process gone
            }
            synchronized (seen) {
                seen.notifyAll();
            }
        }, "pool-member-process");
        reader.setDaemon(true);
        reader.start();
        synchronized (seen) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!seen.toString().contains("READY")) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reader.isAlive()) {
                    throw new AssertionError("the member process did not get ready:\n" + seen);
                }
                seen.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    /** Sends a signal by name (STOP, CONT, KILL) with the system's kill command. */
    void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " failed");
        }
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    /** The same property the surefire configuration sets for the test JVM. */
    static final class PoolTlsProperty {
        static void set() {
            org.diva.server.pool.PoolTls.disableStatelessTickets();
        }
    }
}
