package org.diva.upnp.lab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A hostile MediaRenderer on the lab's network, for a control point under test on the lab's device interface. It
 * serves a well-formed renderer description ({@code /r/desc.xml}) whose AVTransport accepts subscriptions, so the
 * test can then send the subscriber any NOTIFY it likes ({@link #notify(String)}); and descriptions that attack
 * the reader: {@code /r/huge-desc.xml} (larger than any client should read) and {@code /r/xxe-desc.xml}.
 */
public final class EvilRenderer implements AutoCloseable {
    private static final String SID = "uuid:" + UUID.randomUUID();

    private final Server jetty;
    private final ServerConnector connector;
    private final NetworkInterface nic;
    private final InetAddress address;
    private final UUID uuid = UUID.randomUUID();
    private final Map<String, String> documents;
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<String> callbacks = new LinkedBlockingQueue<>();
    private volatile String callback;
    private int seq;

    public EvilRenderer(NetnsLab lab, String friendlyName, java.nio.file.Path secret) throws Exception {
        address = lab.deviceAddress();
        nic = NetworkInterface.getByName(lab.deviceInterface());
        documents = Map.of(
                "/r/desc.xml", description(friendlyName, "", uuid),
                "/r/xxe-desc.xml", description("&x;", "<!DOCTYPE root [<!ENTITY x SYSTEM \"" + secret.toUri()
                        + "\">]>", UUID.nameUUIDFromBytes("xxe".getBytes(StandardCharsets.UTF_8))),
                "/r/huge-desc.xml", description("Huge" + " ".repeat(9 * 1024 * 1024), "",
                        UUID.nameUUIDFromBytes("huge".getBytes(StandardCharsets.UTF_8))),
                "/r/avt.xml", SCPD);
        jetty = new Server();
        connector = new ServerConnector(jetty);
        connector.setHost(address.getHostAddress());
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback done) {
                String path = request.getHttpURI().getPath();
                requested.add(request.getMethod() + " " + path);
                if (request.getMethod().equals("SUBSCRIBE") && path.equals("/r/avt/evt")) {
                    String cb = request.getHeaders().get("CALLBACK");
                    if (cb != null) {
                        callback = cb.replaceAll("^<|>.*$", "");
                        callbacks.add(callback);
                    }
                    response.getHeaders().put("SID", SID);
                    response.getHeaders().put("TIMEOUT", "Second-1800");
                    response.getHeaders().put("Content-Length", "0");
                    done.succeeded();
                    return true;
                }
                String document = documents.get(path);
                if (document == null) {
                    return false;
                }
                response.getHeaders().put("Content-Type", "text/xml; charset=\"utf-8\"");
                response.write(true, ByteBuffer.wrap(document.getBytes(StandardCharsets.UTF_8)), done);
                return true;
            }
        });
        jetty.start();
    }

    public String uuid() {
        return uuid.toString();
    }

    /** The UUIDs of the attacking descriptions. */
    public static String uuidOf(String descriptionPath) {
        return UUID.nameUUIDFromBytes((descriptionPath.contains("xxe") ? "xxe" : "huge")
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Method and path of every request it got. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    /** Says ssdp:alive for a description's AVTransport, from the lab interface only. */
    public void announce(String descriptionPath) throws IOException {
        String udn = descriptionPath.equals("/r/desc.xml") ? uuid.toString() : uuidOf(descriptionPath);
        String url = "http://" + address.getHostAddress() + ":" + connector.getLocalPort() + descriptionPath;
        String type = "urn:schemas-upnp-org:service:AVTransport:1";
        String notify = "NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=1800\r\n"
                + "LOCATION: " + url + "\r\nNT: " + type + "\r\nNTS: ssdp:alive\r\n"
                + "SERVER: Linux/6 UPnP/1.0 Evil/1.0\r\nUSN: uuid:" + udn + "::" + type + "\r\n\r\n";
        byte[] bytes = notify.getBytes(StandardCharsets.US_ASCII);
        try (MulticastSocket socket = new MulticastSocket(new InetSocketAddress(address, 0))) {
            socket.setNetworkInterface(nic);
            socket.setTimeToLive(2);
            for (int i = 0; i < 3; i++) {
                socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName("239.255.255.250"), 1900));
            }
        }
    }

    /** Waits for a control point to subscribe to AVTransport; its callback URL, or null. */
    public String awaitSubscriber(long millis) throws InterruptedException {
        return callback != null ? callback : callbacks.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Sends the subscriber a LastChange event (the text is escaped into the property as it should be). */
    public RawHttp.Answer notify(String lastChange) throws IOException {
        String escaped = lastChange.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return notifyRaw("<?xml version=\"1.0\"?><e:propertyset xmlns:e=\"urn:schemas-upnp-org:event-1-0\">"
                + "<e:property><LastChange>" + escaped + "</LastChange></e:property></e:propertyset>");
    }

    /** Sends the subscriber a NOTIFY with this body as it is. */
    public synchronized RawHttp.Answer notifyRaw(String body) throws IOException {
        URI uri = URI.create(callback);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "NOTIFY " + uri.getRawPath() + " HTTP/1.1\r\nHOST: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nCONTENT-TYPE: text/xml; charset=\"utf-8\"\r\nNT: upnp:event\r\nNTS: upnp:propchange\r\n"
                + "SID: " + SID + "\r\nSEQ: " + (++seq) + "\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close";
        return RawHttp.exchange(new InetSocketAddress(uri.getHost(), uri.getPort()), head, bytes);
    }

    private static String description(String friendlyName, String doctype, UUID udn) {
        return "<?xml version=\"1.0\"?>" + doctype + "<root xmlns=\"urn:schemas-upnp-org:device-1-0\">"
                + "<specVersion><major>1</major><minor>0</minor></specVersion><device>"
                + "<deviceType>urn:schemas-upnp-org:device:MediaRenderer:1</deviceType>"
                + "<friendlyName>" + friendlyName + "</friendlyName><manufacturer>Evil</manufacturer>"
                + "<modelName>EvilRenderer</modelName><UDN>uuid:" + udn + "</UDN><serviceList><service>"
                + "<serviceType>urn:schemas-upnp-org:service:AVTransport:1</serviceType>"
                + "<serviceId>urn:upnp-org:serviceId:AVTransport</serviceId><SCPDURL>/r/avt.xml</SCPDURL>"
                + "<controlURL>/r/avt/ctl</controlURL><eventSubURL>/r/avt/evt</eventSubURL></service></serviceList>"
                + "</device></root>";
    }

    private static final String SCPD = "<?xml version=\"1.0\"?><scpd xmlns=\"urn:schemas-upnp-org:service-1-0\">"
            + "<specVersion><major>1</major><minor>0</minor></specVersion><actionList><action><name>Stop</name>"
            + "<argumentList><argument><name>InstanceID</name><direction>in</direction>"
            + "<relatedStateVariable>A_ARG_TYPE_InstanceID</relatedStateVariable></argument></argumentList>"
            + "</action></actionList><serviceStateTable>"
            + "<stateVariable sendEvents=\"yes\"><name>LastChange</name><dataType>string</dataType></stateVariable>"
            + "<stateVariable sendEvents=\"no\"><name>A_ARG_TYPE_InstanceID</name><dataType>ui4</dataType>"
            + "</stateVariable></serviceStateTable></scpd>";

    @Override
    public void close() throws IOException {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IOException("cannot stop the evil renderer's Jetty", e);
        }
    }
}
