package org.diva.upnp.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Drives a {@link ControlPointProcess} inside a lab: sends a command, waits for its one-line answer. When the
 * process dies or stalls, the failure carries the end of its log.
 */
public final class RemoteControlPoint implements AutoCloseable {
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(90);
    private static final int LOG_TAIL = 16_000;

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final StringBuilder log = new StringBuilder();
    private final String address;
    private final int port;

    private RemoteControlPoint(Process process) throws IOException {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        pump(process.getInputStream(), replies::add, "control point stdout");
        pump(process.getErrorStream(), this::logLine, "control point log");
        String[] ready = reply("ready").split(" ");
        if (!ready[0].equals("ready")) {
            throw new IOException("the control point did not start: " + String.join(" ", ready) + "\n" + log());
        }
        address = ready[1];
        port = Integer.parseInt(ready[2]);
    }

    /** Starts a control point on the lab's own interface. */
    public static RemoteControlPoint start(NetnsLab lab) throws IOException {
        return new RemoteControlPoint(new ProcessBuilder(lab.javaCommand(ControlPointProcess.class.getName(),
                lab.peerInterface())).start());
    }

    /** The control point's address and the port of its HTTP server (GENA callbacks). */
    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    /** Sends one command (words joined by spaces) and returns the answer's words. */
    public String[] send(String... words) throws IOException {
        synchronized (commands) {
            commands.write(String.join(" ", words) + "\n");
            commands.flush();
        }
        String reply = reply(words[0]);
        if (reply.startsWith("error ")) {
            throw new IOException("control point: " + words[0] + " failed: " + Wire.decode(reply.substring(6))
                    + "\n" + log());
        }
        return reply.split(" ");
    }

    private String reply(String command) throws IOException {
        try {
            String reply = replies.poll(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                throw new IOException("control point gave no answer to " + command + " within " + REPLY_TIMEOUT
                        + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")") + "\n" + log());
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + command, e);
        }
    }

    /** The end of the control point's log, for failure messages. */
    public synchronized String log() {
        return log.toString();
    }

    private synchronized void logLine(String line) {
        log.append(line).append('\n');
        if (log.length() > LOG_TAIL) {
            log.delete(0, log.length() - LOG_TAIL);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            synchronized (commands) {
                commands.write("quit\n");
                commands.flush();
            }
        } catch (IOException alreadyGone) {
            // exited
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private interface LineSink {
        void accept(String line);
    }

    private static void pump(InputStream stream, LineSink sink, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                sink.accept("(" + name + " closed: " + e.getMessage() + ")");
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}
