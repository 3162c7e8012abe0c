package org.diva.upnp.lab;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jupnp.UpnpService;
import org.jupnp.controlpoint.ActionCallback;
import org.jupnp.model.action.ActionArgumentValue;
import org.jupnp.model.action.ActionInvocation;
import org.jupnp.model.message.StreamRequestMessage;
import org.jupnp.model.message.StreamResponseMessage;
import org.jupnp.model.message.UpnpHeaders;
import org.jupnp.model.message.UpnpRequest;
import org.jupnp.model.message.header.UpnpHeader;
import org.jupnp.model.meta.Action;
import org.jupnp.model.meta.Icon;
import org.jupnp.model.meta.RemoteDevice;
import org.jupnp.model.meta.RemoteDeviceIdentity;
import org.jupnp.model.meta.RemoteService;
import org.jupnp.model.profile.ClientInfo;
import org.jupnp.model.types.ServiceId;
import org.jupnp.model.types.UDN;

/**
 * The control point's commands, one line in, one line out; text that may hold anything is base64 ({@link Wire}).
 *
 * <pre>
 * search                                         ok
 * await-device UUID MILLIS                       device NAME MANUFACTURER MODEL SERIAL DLNADOCS DESCURL ICONS TYPES
 * await-gone UUID MILLIS                         gone | timeout
 * await-alives UUID COUNT MILLIS                 alives N | timeout N
 * await-failed UUID MILLIS                       failed MESSAGES | timeout
 * invoke UUID SERVICEID ACTION [NAME=B64] [H:HEADER=B64]   ok NAME=B64... | fault CODE DESCRIPTION
 * invoke-parallel N UUID SERVICEID ACTION ...    parallel OKS FAULTS FIRSTFAULT
 * subscribe UUID SERVICEID                       subscribed SID | failed MESSAGE
 * next-event SERVICEID MILLIS                    event SEQ NAME=B64... | timeout
 * fetch URL                                      http STATUS CONTENTTYPE BODY
 * describe URL                                   described NAME | rejected MESSAGES
 * raw-get FROM HOST PORT PATH                    status CODE
 * </pre>
 */
final class ControlPointCommands {
    private final UpnpService upnp;
    private final DeviceWatch watch;
    private final InetAddress address;
    private final Map<String, EventLog> subscriptions = new ConcurrentHashMap<>();

    ControlPointCommands(UpnpService upnp, DeviceWatch watch, InetAddress address) {
        this.upnp = upnp;
        this.watch = watch;
        this.address = address;
    }

    String run(String command, List<String> args) throws Exception {
        return switch (command) {
            case "search" -> {
                upnp.getControlPoint().search();
                yield "ok";
            }
            case "await-device" -> watch.awaitPresent(args.get(0), millis(args.get(1))).map(this::describe)
                    .orElse("timeout");
            case "await-gone" -> watch.awaitGone(args.get(0), millis(args.get(1))) ? "gone" : "timeout";
            case "await-alives" -> watch.awaitAlives(args.get(0), Integer.parseInt(args.get(1)), millis(args.get(2)))
                    .map(n -> "alives " + n).orElse("timeout " + watch.alives(args.get(0)));
            case "await-failed" -> watch.awaitFailure(args.get(0), millis(args.get(1)))
                    .map(e -> "failed " + Wire.encode(chain(e))).orElse("timeout");
            case "invoke" -> invoke(args);
            case "invoke-parallel" -> invokeParallel(Integer.parseInt(args.get(0)), args.subList(1, args.size()));
            case "subscribe" -> subscribe(args.get(0), args.get(1));
            case "next-event" -> Optional.ofNullable(subscriptions.get(args.get(0)).next(millis(args.get(1))))
                    .orElse("timeout");
            case "fetch" -> fetch(args.get(0));
            case "describe" -> describeUrl(args.get(0));
            case "raw-get" -> rawGet(args.get(0), args.get(1), Integer.parseInt(args.get(2)), args.get(3));
            default -> "error " + Wire.encode("unknown command " + command);
        };
    }

    private String describe(RemoteDevice device) {
        String icons = java.util.Arrays.stream(device.getIcons()).map(this::icon).collect(Collectors.joining("|"));
        String types = java.util.Arrays.stream(device.findServiceTypes()).map(Object::toString)
                .collect(Collectors.joining(","));
        String docs = java.util.Arrays.stream(device.getDetails().getDlnaDocs()).map(Object::toString)
                .collect(Collectors.joining(","));
        return String.join(" ", "device", Wire.encode(device.getDetails().getFriendlyName()),
                Wire.encode(device.getDetails().getManufacturerDetails().getManufacturer()),
                Wire.encode(device.getDetails().getModelDetails().getModelName()),
                Wire.encode(String.valueOf(device.getDetails().getSerialNumber())), Wire.encode(docs),
                Wire.encode(device.getIdentity().getDescriptorURL().toString()), Wire.encode(icons),
                Wire.encode(types));
    }

    private String icon(Icon icon) {
        return icon.getMimeType() + ";" + icon.getWidth() + ";" + icon.getHeight() + ";"
                + ((RemoteDevice) icon.getDevice()).normalizeURI(icon.getUri());
    }

    private String invoke(List<String> args) {
        RemoteService service = service(args.get(0), args.get(1));
        Action<RemoteService> action = service.getAction(args.get(2));
        if (action == null) {
            return "error " + Wire.encode("the device has no action " + args.get(2));
        }
        UpnpHeaders headers = new UpnpHeaders();
        List<String[]> inputs = new ArrayList<>();
        for (String arg : args.subList(3, args.size())) {
            int eq = arg.indexOf('=');
            String name = arg.substring(0, eq);
            String value = Wire.decode(arg.substring(eq + 1));
            if (name.startsWith("H:")) {
                headers.add(name.substring(2), value);
            } else {
                inputs.add(new String[] {name, value});
            }
        }
        ActionInvocation<RemoteService> invocation = new ActionInvocation<>(action, new ClientInfo(headers));
        for (String[] input : inputs) {
            invocation.setInput(input[0], input[1]);
        }
        new ActionCallback.Default(invocation, upnp.getControlPoint()).run();
        if (invocation.getFailure() != null) {
            return "fault " + invocation.getFailure().getErrorCode() + " "
                    + Wire.encode(invocation.getFailure().getMessage());
        }
        StringJoiner reply = new StringJoiner(" ", "ok ", "").setEmptyValue("ok");
        for (ActionArgumentValue<RemoteService> out : invocation.getOutput()) {
            reply.add(out.getArgument().getName() + "=" + Wire.encode(String.valueOf(out)));
        }
        return reply.toString();
    }

    private String invokeParallel(int n, List<String> args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(pool.submit(() -> invoke(args)));
            }
            int ok = 0;
            String firstFault = "";
            for (Future<String> call : calls) {
                String reply = call.get(60, TimeUnit.SECONDS);
                if (reply.startsWith("ok")) {
                    ok++;
                } else if (firstFault.isEmpty()) {
                    firstFault = reply;
                }
            }
            return "parallel " + ok + " " + (n - ok) + " " + Wire.encode(firstFault);
        } finally {
            pool.shutdownNow();
        }
    }

    private String subscribe(String udn, String serviceId) throws Exception {
        EventLog log = new EventLog(service(udn, serviceId));
        upnp.getControlPoint().execute(log);
        try {
            String sid = log.established.get(20, TimeUnit.SECONDS);
            subscriptions.put(serviceId, log);
            return "subscribed " + Wire.encode(sid);
        } catch (Exception e) {
            return "failed " + Wire.encode(chain(e));
        }
    }

    private String fetch(String url) throws Exception {
        StreamResponseMessage response = upnp.getRouter().send(
                new StreamRequestMessage(UpnpRequest.Method.GET, URI.create(url)));
        if (response == null) {
            return "error " + Wire.encode("no response from " + url);
        }
        String contentType = String.valueOf(response.getHeaders().getFirstHeaderString(UpnpHeader.Type.CONTENT_TYPE));
        byte[] body = response.hasBody() ? response.getBodyBytes() : new byte[0];
        return "http " + response.getOperation().getStatusCode() + " " + Wire.encode(contentType) + " "
                + Wire.encode(body);
    }

    /** Fetches a description and reads it with the configured binder, as discovery would. */
    private String describeUrl(String url) throws Exception {
        StreamResponseMessage response = upnp.getRouter().send(
                new StreamRequestMessage(UpnpRequest.Method.GET, URI.create(url)));
        if (response == null || response.getOperation().isFailed()) {
            return "error " + Wire.encode("cannot fetch " + url);
        }
        RemoteDevice undescribed = new RemoteDevice(new RemoteDeviceIdentity(new UDN(UUID.randomUUID()), 1800,
                new URL(url), null, address));
        try {
            RemoteDevice described = upnp.getConfiguration().getDeviceDescriptorBinderUDA10()
                    .describe(undescribed, response.getBodyString());
            return "described " + Wire.encode(described.getDetails().getFriendlyName());
        } catch (Exception e) {
            return "rejected " + Wire.encode(chain(e));
        }
    }

    private static String rawGet(String from, String host, int port, String path) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return "status " + status.split(" ")[1];
        }
    }

    private RemoteService service(String udn, String serviceId) {
        RemoteDevice device = upnp.getRegistry().getRemoteDevice(new UDN(udn), true);
        if (device == null) {
            throw new IllegalStateException("no device uuid:" + udn + " in the registry");
        }
        RemoteService service = device.findService(ServiceId.valueOf(serviceId));
        if (service == null) {
            throw new IllegalStateException("device uuid:" + udn + " has no service " + serviceId);
        }
        return service;
    }

    private static Duration millis(String value) {
        return Duration.ofMillis(Long.parseLong(value));
    }

    /** Every message in the cause chain, so a test can check that none of them leaks anything. */
    private static String chain(Throwable e) {
        StringJoiner all = new StringJoiner(" <- ");
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.add(t.toString());
        }
        return all.toString();
    }
}
