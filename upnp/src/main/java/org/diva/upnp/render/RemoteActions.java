package org.diva.upnp.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.diva.upnp.render.RendererException.Reason;
import org.jupnp.controlpoint.ActionCallback;
import org.jupnp.controlpoint.ControlPoint;
import org.jupnp.model.action.ActionArgumentValue;
import org.jupnp.model.action.ActionException;
import org.jupnp.model.action.ActionInvocation;
import org.jupnp.model.message.UpnpResponse;
import org.jupnp.model.meta.Action;
import org.jupnp.model.meta.RemoteService;
import org.jupnp.model.types.InvalidValueException;

/**
 * Invokes one action of a remote service on the calling thread and sorts out how it failed: a SOAP fault (HTTP
 * 500 with a UPnP error) is the renderer refusing; no answer, another HTTP status or an unreadable answer is the
 * renderer being unreachable. The stream client's timeout bounds the wait.
 */
final class RemoteActions {
    private final ControlPoint controlPoint;

    RemoteActions(ControlPoint controlPoint) {
        this.controlPoint = controlPoint;
    }

    /** The action's output arguments by name; inputs are given as text and converted by the service's types. */
    Map<String, String> invoke(String rendererName, RemoteService service, String actionName,
                               Map<String, String> inputs) throws RendererException {
        Action<RemoteService> action = service.getAction(actionName);
        if (action == null) {
            throw new RendererException(Reason.NOT_SUPPORTED, rendererName + " has no " + actionName + " action in "
                    + service.getServiceType().getType());
        }
        ActionInvocation<RemoteService> invocation = new ActionInvocation<>(action);
        try {
            inputs.forEach(invocation::setInput);
        } catch (InvalidValueException e) {
            throw new RendererException(Reason.NOT_SUPPORTED, rendererName + "'s " + actionName + " does not take "
                    + inputs + ": " + e.getMessage());
        }
        Outcome outcome = new Outcome(invocation, controlPoint);
        outcome.run();
        if (outcome.failedWith.isEmpty()) {
            Map<String, String> outputs = new LinkedHashMap<>();
            for (ActionArgumentValue<RemoteService> value : invocation.getOutput()) {
                outputs.put(value.getArgument().getName(), value.getValue() == null ? "" : value.toString());
            }
            return outputs;
        }
        ActionException failure = invocation.getFailure();
        String detail = failure == null ? outcome.failedWith : failure.getMessage();
        UpnpResponse response = outcome.response;
        if (response != null && response.getStatusCode() == UpnpResponse.Status.INTERNAL_SERVER_ERROR.getStatusCode()
                && failure != null) {
            throw new RendererException(Reason.REFUSED, OptionalInt.of(failure.getErrorCode()), rendererName
                    + " refused " + actionName + ": UPnP error " + failure.getErrorCode() + " " + detail);
        }
        String status = response == null ? "no answer" : "HTTP " + response.getStatusCode();
        throw new RendererException(Reason.UNREACHABLE, rendererName + " did not carry out " + actionName + " ("
                + status + "): " + detail + "; is it switched on and on the same network as DiVA?");
    }

    /** Runs the invocation and keeps what the callback was told. */
    private static final class Outcome extends ActionCallback {
        private String failedWith = "";
        private UpnpResponse response;

        Outcome(ActionInvocation<RemoteService> invocation, ControlPoint controlPoint) {
            super(invocation, controlPoint);
        }

        @Override
        public void success(ActionInvocation invocation) {
            failedWith = "";
        }

        @Override
        public void failure(ActionInvocation invocation, UpnpResponse operation, String defaultMsg) {
            response = operation;
            failedWith = defaultMsg == null || defaultMsg.isEmpty() ? "failed" : defaultMsg;
        }
    }
}
