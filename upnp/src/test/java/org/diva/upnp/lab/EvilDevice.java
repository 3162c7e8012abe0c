package org.diva.upnp.lab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A hostile device on the lab's network: it announces itself by SSDP and serves descriptions that try XXE on the
 * control point reading them. {@code /evil/desc.xml} is clean but names {@code /evil/scpd.xml}, whose DOCTYPE
 * pulls in the secret file; {@code /evil/xxe-desc.xml} and {@code /evil/laughs-desc.xml} attack the device
 * description itself.
 */
public final class EvilDevice implements AutoCloseable {
    private final Server jetty;
    private final ServerConnector connector;
    private final NetworkInterface nic;
    private final InetAddress address;
    private final UUID uuid = UUID.randomUUID();
    private final Map<String, String> documents;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    public EvilDevice(NetnsLab lab, Path secret) throws Exception {
        address = lab.deviceAddress();
        nic = NetworkInterface.getByName(lab.deviceInterface());
        String entity = "<!ENTITY x SYSTEM \"" + secret.toUri() + "\">";
        documents = Map.of(
                "/evil/desc.xml", description("Evil", ""),
                "/evil/xxe-desc.xml", description("&x;", "<!DOCTYPE root [" + entity + "]>"),
                "/evil/laughs-desc.xml", description("&l3;", "<!DOCTYPE root [<!ENTITY l0 \"lol\">"
                        + "<!ENTITY l1 \"&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;\">"
                        + "<!ENTITY l2 \"&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;\">"
                        + "<!ENTITY l3 \"&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;\">]>"),
                "/evil/scpd.xml", "<?xml version=\"1.0\"?><!DOCTYPE scpd [" + entity + "]>"
                        + "<scpd xmlns=\"urn:schemas-upnp-org:service-1-0\"><specVersion><major>1</major>"
                        + "<minor>0</minor></specVersion><actionList/><serviceStateTable>"
                        + "<stateVariable sendEvents=\"no\"><name>Secret</name><dataType>string</dataType>"
                        + "<defaultValue>&x;</defaultValue></stateVariable></serviceStateTable></scpd>");
        jetty = new Server();
        connector = new ServerConnector(jetty);
        connector.setHost(address.getHostAddress());
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getPath();
                requested.add(path);
                String document = documents.get(path);
                if (document == null) {
                    return false;
                }
                response.getHeaders().put("Content-Type", "text/xml; charset=\"utf-8\"");
                response.write(true, ByteBuffer.wrap(document.getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        jetty.start();
    }

    public String uuid() {
        return uuid.toString();
    }

    public String url(String path) {
        return "http://" + address.getHostAddress() + ":" + connector.getLocalPort() + path;
    }

    /** The paths fetched from this device so far. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    /** Says ssdp:alive for the clean description, from the lab interface only, three times as UDA asks. */
    public void announce() throws IOException {
        String notify = "NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=1800\r\n"
                + "LOCATION: " + url("/evil/desc.xml") + "\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n"
                + "SERVER: Linux/6 UPnP/1.0 Evil/1.0\r\nUSN: uuid:" + uuid + "::upnp:rootdevice\r\n\r\n";
        byte[] bytes = notify.getBytes(StandardCharsets.US_ASCII);
        try (MulticastSocket socket = new MulticastSocket(new InetSocketAddress(address, 0))) {
            socket.setNetworkInterface(nic);
            socket.setTimeToLive(2);
            for (int i = 0; i < 3; i++) {
                socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName("239.255.255.250"), 1900));
            }
        }
    }

    private String description(String friendlyName, String doctype) {
        return "<?xml version=\"1.0\"?>" + doctype + "<root xmlns=\"urn:schemas-upnp-org:device-1-0\">"
                + "<specVersion><major>1</major><minor>0</minor></specVersion><device>"
                + "<deviceType>urn:schemas-upnp-org:device:MediaServer:1</deviceType>"
                + "<friendlyName>" + friendlyName + "</friendlyName><manufacturer>Evil</manufacturer>"
                + "<modelName>Evil</modelName><UDN>uuid:" + uuid + "</UDN><serviceList><service>"
                + "<serviceType>urn:schemas-upnp-org:service:ContentDirectory:1</serviceType>"
                + "<serviceId>urn:upnp-org:serviceId:ContentDirectory</serviceId><SCPDURL>/evil/scpd.xml</SCPDURL>"
                + "<controlURL>/evil/ctl</controlURL><eventSubURL>/evil/evt</eventSubURL></service></serviceList>"
                + "</device></root>";
    }

    @Override
    public void close() throws IOException {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IOException("cannot stop the evil device's Jetty", e);
        }
    }
}
