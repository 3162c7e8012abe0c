package org.diva.upnp.igd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.diva.upnp.lab.LabDevice;
import org.diva.upnp.lab.LabDirectory;
import org.diva.upnp.lab.NetnsLab;
import org.diva.upnp.service.Scheduler;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain in a network namespace: DiVA's MediaServer stack with the mapper as a role finds a router
 * by SSDP (the router runs in another JVM inside the lab), forwards both ports to its address on the lab's link,
 * and removes them when DiVA stops. Nothing crosses a real interface.
 */
class IgdOnLabTest {
    private static final int WAIT_SECONDS = 60;

    @Test
    void aRouterFoundBySsdpForwardsBothPortsUntilDivaStops(@TempDir Path data) throws Exception {
        String why = NetnsLab.unavailableBecause();
        Assumptions.assumeTrue(why.isEmpty(), "UPnP network tests skipped: " + why);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        BlockingQueue<Reachability> statuses = new LinkedBlockingQueue<>();
        IgdPortMapper mapper = new IgdPortMapper(MapperFixture.PLAN, Scheduler.of(timer), timer, Clock.systemUTC(),
                LanAddress.discoveredOn(), statuses::add);
        try (NetnsLab lab = NetnsLab.create()) {
            Process router = new ProcessBuilder(lab.javaCommand(FakeIgdProcess.class.getName(),
                    lab.peerInterface())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BlockingQueue<String> requests = new LinkedBlockingQueue<>();
            pump(router, requests::add);
            try {
                assertTrue(next(requests).startsWith("ready "), "the router started");
                String diva = lab.deviceAddress().getHostAddress();
                try (LabDevice device = LabDevice.start(lab, data, new LabDirectory(), List.of(mapper))) {
                    Reachability mapped;
                    do {
                        mapped = statuses.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                    } while (mapped != null && !mapped.reachable());
                    assertTrue(mapped != null, "DiVA did not map its ports; last status " + mapper.status());
                    assertEquals("Fake IGD:2", mapped.router().orElseThrow());
                    assertEquals("add 8310 TCP 8310 " + diva + " 3600", next(requests));
                    assertEquals("add 8311 TCP 8311 " + diva + " 3600", next(requests));
                }
                assertEquals("delete 8310 TCP", next(requests));
                assertEquals("delete 8311 TCP", next(requests));
            } finally {
                router.getOutputStream().write("quit\n".getBytes(StandardCharsets.UTF_8));
                router.getOutputStream().flush();
                if (!router.waitFor(15, TimeUnit.SECONDS)) {
                    router.destroyForcibly();
                }
            }
        } finally {
            timer.shutdownNow();
        }
    }

    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        return line == null ? "(nothing within " + WAIT_SECONDS + " s)" : line;
    }

    private static void pump(Process process, Consumer<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException ended) {
                // the router exited
            }
        }, "lab router stdout");
        reader.setDaemon(true);
        reader.start();
    }
}
