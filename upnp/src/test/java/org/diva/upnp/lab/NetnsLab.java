package org.diva.upnp.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway network: a namespace {@code diva-lab-<pid>-<id>} and a veth pair, one end ({@link #deviceInterface()},
 * 10.231.N.1/24) in the test JVM's namespace, the other (10.231.N.2/24) inside the namespace with the route for
 * multicast. The device under test is bound to its end, so SSDP leaves only through it and arrives only inside the
 * lab; a control point runs inside the lab ({@link #javaCommand}). Names and the subnet are unique per run, so
 * parallel runs do not collide; labs of runs that died are removed first. Needs root and iproute2's {@code ip}.
 */
public final class NetnsLab implements AutoCloseable {
    private static final String PREFIX = "diva-lab-";

    private final String namespace;
    private final String deviceInterface;
    private final String peerInterface;
    private final InetAddress deviceAddress;
    private final InetAddress peerAddress;
    private final Thread cleanupOnExit;

    private NetnsLab(String id, int subnet) throws IOException {
        namespace = PREFIX + ProcessHandle.current().pid() + "-" + id;
        deviceInterface = "veth" + id + "d";
        peerInterface = "veth" + id + "c";
        deviceAddress = InetAddress.getByName("10.231." + subnet + ".1");
        peerAddress = InetAddress.getByName("10.231." + subnet + ".2");
        cleanupOnExit = new Thread(this::remove, "lab cleanup " + namespace);
    }

    /** Why this machine cannot host a lab, or empty if it can. */
    public static String unavailableBecause() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "network namespaces need root";
        }
        try {
            run(List.of("ip", "netns", "list"));
            return "";
        } catch (IOException e) {
            return "iproute2's 'ip netns' is not usable: " + e.getMessage();
        }
    }

    public static NetnsLab create() throws IOException {
        removeLabsOfDeadProcesses();
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        NetnsLab lab = new NetnsLab(id, freeSubnet());
        Runtime.getRuntime().addShutdownHook(lab.cleanupOnExit);
        try {
            lab.build();
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    private void build() throws IOException {
        String device = deviceAddress.getHostAddress();
        String peer = peerAddress.getHostAddress();
        run(List.of("ip", "netns", "add", namespace));
        run(List.of("ip", "link", "add", deviceInterface, "type", "veth", "peer", "name", peerInterface,
                "netns", namespace));
        run(List.of("ip", "addr", "add", device + "/24", "dev", deviceInterface));
        run(List.of("ip", "link", "set", deviceInterface, "up"));
        run(List.of("ip", "-n", namespace, "link", "set", "lo", "up"));
        run(List.of("ip", "-n", namespace, "addr", "add", peer + "/24", "dev", peerInterface));
        run(List.of("ip", "-n", namespace, "link", "set", peerInterface, "up"));
        run(List.of("ip", "-n", namespace, "route", "add", "224.0.0.0/4", "dev", peerInterface));
    }

    /** The interface in the test JVM's namespace, where the device under test announces itself. */
    public String deviceInterface() {
        return deviceInterface;
    }

    public InetAddress deviceAddress() {
        return deviceAddress;
    }

    /** The interface inside the lab. */
    public String peerInterface() {
        return peerInterface;
    }

    public InetAddress peerAddress() {
        return peerAddress;
    }

    /**
     * Gives the lab's end a second address, routed back through the pair: a client with an address that is not a
     * home network's (198.18/15, say) can then reach the device.
     */
    public void addPeerAddress(InetAddress peerSideAddress) throws IOException {
        String address = peerSideAddress.getHostAddress();
        run(List.of("ip", "-n", namespace, "addr", "add", address + "/32", "dev", peerInterface));
        run(List.of("ip", "route", "add", address + "/32", "dev", deviceInterface));
    }

    /** A command line that runs a program inside the lab. */
    public List<String> inside(String... command) {
        List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        line.addAll(List.of(command));
        return line;
    }

    /** A command line that runs {@code java} with this JVM's class path inside the lab. */
    public List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    @Override
    public void close() {
        remove();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    /**
     * Ends what still runs inside (a renderer left by a test that died, say), by process id; then deleting the
     * namespace deletes its end of the pair, and with it ours.
     */
    private void remove() {
        try {
            for (String pid : run(List.of("ip", "netns", "pids", namespace)).split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // already gone, or nothing inside
        }
        quietly(List.of("ip", "netns", "del", namespace));
        quietly(List.of("ip", "link", "del", deviceInterface));
    }

    private static void removeLabsOfDeadProcesses() throws IOException {
        for (String line : run(List.of("ip", "netns", "list")).split("\n")) {
            String name = line.split(" ")[0];
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String[] parts = name.substring(PREFIX.length()).split("-");
            try {
                long pid = Long.parseLong(parts[0]);
                if (ProcessHandle.of(pid).isEmpty()) {
                    quietly(List.of("ip", "netns", "del", name));
                }
            } catch (NumberFormatException e) {
                // not one of ours
            }
        }
    }

    /** A 10.231.N.0/24 no interface of this namespace uses. */
    private static int freeSubnet() throws IOException {
        String addresses = run(List.of("ip", "-4", "-o", "addr", "show")) + run(List.of("ip", "-4", "route"));
        for (int attempt = 0; attempt < 100; attempt++) {
            int n = ThreadLocalRandom.current().nextInt(256);
            if (!addresses.contains("10.231." + n + ".")) {
                return n;
            }
        }
        throw new IOException("no free 10.231.N.0/24 subnet for the lab");
    }

    static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                    + output.strip());
        }
        return output;
    }

    private static void quietly(List<String> command) {
        try {
            run(command);
        } catch (IOException e) {
            // already gone
        }
    }

    /** Whether an interface of this name exists in the test JVM's namespace (for tests of the cleanup). */
    static boolean exists(String interfaceName) {
        return Files.exists(Path.of("/sys/class/net", interfaceName));
    }
}
