package org.diva.upnp.igd;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.diva.upnp.device.DivaUpnpConfiguration;
import org.diva.upnp.device.DivaUpnpService;
import org.diva.upnp.transport.HttpLimits;
import org.diva.upnp.transport.UpnpHttpHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A home router for the lab: the fake IGD:2 announced by SSDP on DiVA's own jUPnP stack, in a JVM inside a
 * {@link org.diva.upnp.lab.NetnsLab}. It prints "ready", then one line per request that reaches it
 * ("add EXT PROTO INT CLIENT LEASE" or "delete EXT PROTO"); "quit" on stdin ends it.
 *
 * <p>Arguments: the name of the interface to use.
 */
public final class FakeIgdProcess {
    private FakeIgdProcess() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        NetworkInterface nic = NetworkInterface.getByName(args[0]);
        InetAddress address = nic.inetAddresses().filter(a -> a instanceof Inet4Address).findFirst().orElseThrow();
        UpnpHttpHandler http = new UpnpHttpHandler(UpnpHttpHandler.DEFAULT_BASE_PATH, HttpLimits.defaults());
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(address.getHostAddress());
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(http);
        jetty.start();
        DivaUpnpConfiguration configuration = new DivaUpnpConfiguration(http, List.of(nic),
                new DivaUpnpConfiguration.Options(HttpLimits.defaults(), Duration.ZERO, 4, false));
        DivaUpnpService upnp = new DivaUpnpService(configuration);
        FakeRouter router = new FakeRouter();
        router.tap = request -> {
            if (request instanceof FakeRouter.Added a) {
                out.println("add " + a.externalPort() + " " + a.protocol() + " " + a.internalPort() + " "
                        + a.internalClient() + " " + a.leaseSeconds());
            } else if (request instanceof FakeRouter.Deleted d) {
                out.println("delete " + d.externalPort() + " " + d.protocol());
            }
        };
        upnp.startup();
        upnp.getRegistry().addDevice(FakeIgd.igd2(router));
        out.println("ready " + address.getHostAddress());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            out.println("unknown " + line);
        }
        upnp.shutdown();
        configuration.awaitTermination(Duration.ofSeconds(10));
        jetty.stop();
        System.exit(0);
    }
}
