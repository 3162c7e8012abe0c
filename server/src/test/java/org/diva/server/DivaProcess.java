package org.diva.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DiVA's main() in a separate JVM, for what only a process can show: exit codes, SIGTERM, kill -9. */
final class DivaProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("serving on http://[^:]+:(\\d+)/");

    final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private DivaProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                        output.notifyAll();
                    }
                }
            } catch (IOException e) {
                // process gone
            }
        }, "diva-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    static DivaProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.diva.server.Main"));
        command.addAll(List.of(args));
        if (!command.contains("--pool-port")) {
            // free pool and peer ports on loopback: tests run side by side and never listen on the LAN
            command.addAll(List.of("--pool-port", "0", "--external-host", "127.0.0.1"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("DIVA_"));
        builder.environment().put("LC_ALL", "C.UTF-8");
        // Never announce on the machine's own network; a test that wants UPnP passes --upnp on and an interface
        // of a namespace it made (the command line wins over the environment).
        builder.environment().put("DIVA_UPNP", "off");
        return new DivaProcess(builder.start());
    }

    /** Waits for the "serving on" line and returns the port. */
    int awaitPort(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (output) {
            while (System.nanoTime() < deadline) {
                Matcher m = URL.matcher(output);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                if (!process.isAlive() && !reader.isAlive()) {
                    break;
                }
                output.wait(100);
            }
        }
        throw new AssertionError("DiVA did not start within " + timeout + ":\n" + output());
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("DiVA did not exit within " + timeout + ":\n" + output());
        }
        reader.join(2_000);
        return process.exitValue();
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
