package org.diva.upnp.lab;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.diva.upnp.device.DivaUpnpConfiguration;
import org.diva.upnp.device.DivaUpnpService;
import org.diva.upnp.transport.HttpLimits;
import org.diva.upnp.transport.UpnpHttpHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A jUPnP control point on DiVA's own transports, run in a JVM inside a {@link NetnsLab}: it plays the TV. It
 * reads one command per line on stdin and answers with one line on stdout (see {@link ControlPointCommands});
 * its log goes to stderr.
 *
 * <p>Arguments: the name of the interface to use.
 */
public final class ControlPointProcess {
    private ControlPointProcess() {
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
                new DivaUpnpConfiguration.Options(HttpLimits.defaults(), Duration.ZERO, 8, true));
        DivaUpnpService upnp = new DivaUpnpService(configuration);
        DeviceWatch watch = new DeviceWatch();
        upnp.startup();
        upnp.getRegistry().addListener(watch);
        upnp.getRegistry().getRemoteDevices().forEach(d -> watch.remoteDeviceAdded(upnp.getRegistry(), d));
        ControlPointCommands commands = new ControlPointCommands(upnp, watch, address);
        out.println("ready " + address.getHostAddress() + " " + connector.getLocalPort());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            String[] words = line.split(" ");
            String reply;
            try {
                reply = commands.run(words[0], Arrays.asList(words).subList(1, words.length));
            } catch (Exception e) {
                e.printStackTrace();
                reply = "error " + Wire.encode(String.valueOf(e));
            }
            out.println(reply);
        }
        upnp.shutdown();
        configuration.awaitTermination(Duration.ofSeconds(10));
        jetty.stop();
        out.println("bye");
        System.exit(0);
    }
}
