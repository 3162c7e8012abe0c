package org.diva.upnp.igd;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IGD:2 router on 127.0.0.1 as a control point meets it over HTTP: its device description, the
 * WANIPConnection:2 SCPD, and a SOAP control URL that records each request and answers success, a UPnP fault,
 * or (scripted) garbage.
 */
final class FakeSoapRouter implements AutoCloseable {
    /** One SOAP request: the action and its arguments, in the order sent. */
    record Request(String action, Map<String, String> args) {
    }

    private static final Pattern ARGUMENT = Pattern.compile("<(New\\w+)\\s*/>|<(New\\w+)>([^<]*)</New\\w+>");
    private static final String SERVICE = "urn:schemas-upnp-org:service:WANIPConnection:2";

    final String udn = UUID.randomUUID().toString();
    private final HttpServer http;
    private final List<Request> requests = new ArrayList<>();
    volatile boolean onlyPermanentLeases;
    /** The whole HTTP body answering GetExternalIPAddress, when not the normal one. */
    volatile String externalAddressBody;

    FakeSoapRouter() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        http.createContext("/desc.xml", e -> reply(e, 200, resource("igd2-description.xml").replace("UDN-HERE", udn)));
        http.createContext("/wanip.xml", e -> reply(e, 200, resource("wanipconnection2-scpd.xml")));
        http.createContext("/ctl", this::control);
        http.start();
    }

    URL descriptionUrl() throws IOException {
        return new URL("http://127.0.0.1:" + http.getAddress().getPort() + "/desc.xml");
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void control(HttpExchange exchange) throws IOException {
        String soapAction = String.valueOf(exchange.getRequestHeaders().getFirst("SOAPACTION"));
        String action = soapAction.replaceAll("^\"?[^#]*#", "").replace("\"", "");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> args = new LinkedHashMap<>();
        Matcher m = ARGUMENT.matcher(body);
        while (m.find()) {
            args.put(m.group(1) != null ? m.group(1) : m.group(2), m.group(1) != null ? "" : m.group(3));
        }
        synchronized (this) {
            requests.add(new Request(action, args));
        }
        if (action.equals("AddPortMapping") && onlyPermanentLeases && !"0".equals(args.get("NewLeaseDuration"))) {
            reply(exchange, 500, envelope("<s:Fault><faultcode>s:Client</faultcode><faultstring>UPnPError"
                    + "</faultstring><detail><UPnPError xmlns=\"urn:schemas-upnp-org:control-1-0\"><errorCode>725"
                    + "</errorCode><errorDescription>OnlyPermanentLeasesSupported</errorDescription></UPnPError>"
                    + "</detail></s:Fault>"));
        } else if (action.equals("GetExternalIPAddress")) {
            reply(exchange, 200, externalAddressBody != null ? externalAddressBody : envelope("<u:"
                    + action + "Response xmlns:u=\"" + SERVICE + "\"><NewExternalIPAddress>203.0.113.7"
                    + "</NewExternalIPAddress></u:" + action + "Response>"));
        } else {
            reply(exchange, 200, envelope("<u:" + action + "Response xmlns:u=\"" + SERVICE + "\"/>"));
        }
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body>" + body
                + "</s:Body></s:Envelope>";
    }

    private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=\"utf-8\"");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String resource(String name) throws IOException {
        try (var in = FakeSoapRouter.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
