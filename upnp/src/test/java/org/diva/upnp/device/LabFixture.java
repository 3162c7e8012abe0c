package org.diva.upnp.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.diva.upnp.lab.NetnsLab;
import org.diva.upnp.lab.RemoteControlPoint;
import org.diva.upnp.lab.Wire;
import org.junit.jupiter.api.Assumptions;

/** One lab and one control point in it, shared by a test class: starting a JVM per test would be slow. */
public final class LabFixture implements AutoCloseable {
    public static final String CDS = "urn:upnp-org:serviceId:ContentDirectory";
    public static final String CMS = "urn:upnp-org:serviceId:ConnectionManager";
    public static final String REGISTRAR = "urn:microsoft.com:serviceId:X_MS_MediaReceiverRegistrar";
    public static final String WAIT = "20000";

    public final NetnsLab lab;
    public final RemoteControlPoint tv;

    private LabFixture(NetnsLab lab, RemoteControlPoint tv) {
        this.lab = lab;
        this.tv = tv;
    }

    /** Skips the calling tests where no lab can be built (not root, no iproute2): CI runs them as root. */
    public static LabFixture open() throws IOException {
        String why = NetnsLab.unavailableBecause();
        Assumptions.assumeTrue(why.isEmpty(), "UPnP network tests skipped: " + why);
        NetnsLab lab = NetnsLab.create();
        try {
            return new LabFixture(lab, RemoteControlPoint.start(lab));
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** Invokes an action from the TV; returns the output arguments, or throws with the fault. */
    public Map<String, String> invoke(String uuid, String service, String action, String... args) throws IOException {
        String[] reply = tv.send(command("invoke", uuid, service, action, args));
        if (!reply[0].equals("ok")) {
            throw new AssertionError(action + " failed: " + String.join(" ", reply) + " "
                    + (reply.length > 2 ? Wire.decode(reply[2]) : ""));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i < reply.length; i++) {
            int eq = reply[i].indexOf('=');
            out.put(reply[i].substring(0, eq), Wire.decode(reply[i].substring(eq + 1)));
        }
        return out;
    }

    /** Invokes an action expected to fail; returns the UPnP error code and checks the description has no secret. */
    public int fault(String uuid, String service, String action, String... args) throws IOException {
        String[] reply = tv.send(command("invoke", uuid, service, action, args));
        assertEquals("fault", reply[0], () -> action + " should have failed: " + String.join(" ", reply));
        return Integer.parseInt(reply[1]);
    }

    /** Invokes the same action {@code n} times at once; returns oks, faults and the first fault. */
    public String[] parallel(int n, String uuid, String service, String action, String... args) throws IOException {
        String[] invoke = command("invoke", uuid, service, action, args);
        String[] words = new String[invoke.length + 1];
        words[0] = "invoke-parallel";
        words[1] = Integer.toString(n);
        System.arraycopy(invoke, 1, words, 2, invoke.length - 1);
        return tv.send(words);
    }

    public static String[] command(String verb, String uuid, String service, String action, String... args) {
        String[] words = new String[4 + args.length];
        words[0] = verb;
        words[1] = uuid;
        words[2] = service;
        words[3] = action;
        for (int i = 0; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            words[4 + i] = args[i].substring(0, eq) + "=" + Wire.encode(args[i].substring(eq + 1));
        }
        return words;
    }

    /** Has the TV search and waits until it has found the device with this UUID; returns its description. */
    public String[] discover(String uuid) throws IOException {
        tv.send("search");
        String[] device = tv.send("await-device", uuid, WAIT);
        assertEquals("device", device[0], () -> "the TV did not find the device:\n" + tv.log());
        return device;
    }

    /** The next GENA event of a subscribed service, as variable names to values plus "seq". */
    public Map<String, String> event(String service) throws IOException {
        String[] reply = tv.send("next-event", service, WAIT);
        assertEquals("event", reply[0], () -> "no event:\n" + tv.log());
        Map<String, String> values = new LinkedHashMap<>(Map.of("seq", reply[1]));
        for (int i = 2; i < reply.length; i++) {
            int eq = reply[i].indexOf('=');
            values.put(reply[i].substring(0, eq), Wire.decode(reply[i].substring(eq + 1)));
        }
        return values;
    }

    /** Browse's six arguments. */
    public static String[] browse(String objectId, String flag) {
        return new String[] {"ObjectID=" + objectId, "BrowseFlag=" + flag, "Filter=*", "StartingIndex=0",
            "RequestedCount=0", "SortCriteria="};
    }

    /** Every UPnP thread of this JVM ends once its device is stopped; none is left behind. */
    public static void assertNoUpnpThreadsLeft() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("upnp-")) {
                thread.join(10_000);
                org.junit.jupiter.api.Assertions.assertFalse(thread.isAlive(), thread.getName() + " was left running");
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            tv.close();
        } finally {
            lab.close();
        }
    }
}
