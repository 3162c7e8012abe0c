package org.diva.upnp.igd;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jupnp.controlpoint.ActionCallback;
import org.jupnp.controlpoint.ControlPoint;
import org.jupnp.model.action.ActionArgumentValue;
import org.jupnp.model.action.ActionException;
import org.jupnp.model.action.ActionInvocation;
import org.jupnp.model.message.UpnpResponse;
import org.jupnp.model.meta.Action;
import org.jupnp.model.meta.Device;
import org.jupnp.model.meta.Service;

/**
 * One router's WAN connection service (WANIPConnection:1/2 or WANPPPConnection:1), spoken to in its own terms:
 * AddPortMapping, DeletePortMapping and GetExternalIPAddress with the argument names of the IGD specifications
 * (WANIPConnection:1 and :2 Service Templates, section 2.4; WANPPPConnection:1 uses the same names). Calls
 * block the calling thread: a local service runs in-process, a remote one over jUPnP's HTTP client with its
 * timeouts.
 *
 * <p>Arguments go in as strings and are converted by the router's own declared types, so a router that
 * declares, say, NewExternalPort as a string still gets a valid request; a router whose action lacks an argument
 * the spec requires is reported as malformed instead of sent a request it would reject.
 */
final class Gateway {
    /** The outcome of one action: the outputs, or the failure in words and the UPnP error code (0: none given). */
    record Answer(Optional<ActionInvocation<?>> outputs, int errorCode, String error) {
        boolean ok() {
            return outputs.isPresent();
        }

        static Answer failed(int code, String error) {
            return new Answer(Optional.empty(), code, error);
        }
    }

    private final Device<?, ?, ?> root;
    private final Service<?, ?> service;
    private final String name;
    private final String internalClient;
    private final ControlPoint controlPoint;

    /**
     * @param internalClient this machine's address on the router's network, which the router forwards to
     * @param controlPoint   sends requests to a remote router; unused for a local (in-process) one
     */
    Gateway(Device<?, ?, ?> root, Service<?, ?> service, String internalClient, ControlPoint controlPoint) {
        this.root = Objects.requireNonNull(root, "root");
        this.service = Objects.requireNonNull(service, "service");
        this.internalClient = Objects.requireNonNull(internalClient, "internalClient");
        this.controlPoint = controlPoint;
        this.name = RouterText.clean(root.getDetails() == null ? null : root.getDetails().getFriendlyName());
    }

    Device<?, ?, ?> root() {
        return root;
    }

    String name() {
        return name;
    }

    /** Asks the router to forward {@code port} to this machine for {@code leaseSeconds} (0: permanently). */
    Answer add(PortRequest port, long leaseSeconds) {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("NewRemoteHost", ""); // empty: every remote host; sent because routers reject a request without it
        in.put("NewExternalPort", Integer.toString(port.externalPort()));
        in.put("NewProtocol", "TCP");
        in.put("NewInternalPort", Integer.toString(port.internalPort()));
        in.put("NewInternalClient", internalClient);
        in.put("NewEnabled", "1");
        in.put("NewPortMappingDescription", port.description());
        in.put("NewLeaseDuration", Long.toString(leaseSeconds));
        return call("AddPortMapping", in);
    }

    Answer delete(PortRequest port) {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("NewRemoteHost", "");
        in.put("NewExternalPort", Integer.toString(port.externalPort()));
        in.put("NewProtocol", "TCP");
        return call("DeletePortMapping", in);
    }

    Answer externalAddress() {
        return call("GetExternalIPAddress", Map.of());
    }

    /** Runs the action on this thread; every way it can go wrong becomes an {@link Answer}, never an exception. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private Answer call(String actionName, Map<String, String> inputs) {
        Action action = service.getAction(actionName);
        if (action == null) {
            return Answer.failed(0, name + " offers no " + actionName + " action (" + service.getServiceType()
                    + ")");
        }
        ActionInvocation invocation = new ActionInvocation(action);
        try {
            for (Map.Entry<String, String> input : inputs.entrySet()) {
                if (action.getInputArgument(input.getKey()) == null) {
                    return Answer.failed(0, name + "'s " + actionName + " lacks the argument " + input.getKey()
                            + " that the IGD specification requires");
                }
                invocation.setInput(input.getKey(), input.getValue());
            }
        } catch (RuntimeException e) { // InvalidValueException: the router declared a type our value cannot take
            return Answer.failed(0, name + "'s " + actionName + " declares arguments DiVA cannot fill: "
                    + RouterText.clean(e.getMessage()));
        }
        Answer[] answer = new Answer[1];
        ActionCallback callback = new ActionCallback(invocation, controlPoint) {
            @Override
            public void success(ActionInvocation done) {
                answer[0] = new Answer(Optional.of(done), 0, "");
            }

            @Override
            public void failure(ActionInvocation failed, UpnpResponse response, String defaultMessage) {
                ActionException e = failed.getFailure();
                int code = e == null ? 0 : e.getErrorCode();
                String words = code != 0 ? IgdErrors.describe(code, e.getMessage())
                        : RouterText.clean(defaultMessage);
                answer[0] = Answer.failed(code, name + " refused " + actionName + ": " + words);
            }
        };
        try {
            callback.run();
        } catch (RuntimeException e) { // a garbled answer that jUPnP could not even turn into a failure
            return Answer.failed(0, name + " gave a malformed answer to " + actionName + ": "
                    + RouterText.clean(String.valueOf(e.getMessage())));
        }
        return answer[0] != null ? answer[0] : Answer.failed(0, name + " did not answer " + actionName);
    }

    /** The string output {@code name} of a successful answer, if the router sent it. */
    static Optional<String> output(Answer answer, String name) {
        return answer.outputs().map(i -> i.getOutput(name)).map(ActionArgumentValue::getValue).map(String::valueOf);
    }
}
