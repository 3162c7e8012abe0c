package org.diva.upnp.xml;

import java.net.URI;
import java.net.URL;
import java.util.UUID;
import org.jupnp.binding.annotations.AnnotationLocalServiceBinder;
import org.jupnp.model.action.ActionInvocation;
import org.jupnp.model.message.StreamRequestMessage;
import org.jupnp.model.message.StreamResponseMessage;
import org.jupnp.model.message.UpnpRequest;
import org.jupnp.model.message.UpnpResponse;
import org.jupnp.model.message.control.IncomingActionRequestMessage;
import org.jupnp.model.message.control.IncomingActionResponseMessage;
import org.jupnp.model.message.gena.IncomingEventRequestMessage;
import org.jupnp.model.message.header.SoapActionHeader;
import org.jupnp.model.message.header.UpnpHeader;
import org.jupnp.model.meta.LocalService;
import org.jupnp.model.meta.RemoteDevice;
import org.jupnp.model.meta.RemoteDeviceIdentity;
import org.jupnp.model.meta.RemoteService;
import org.jupnp.model.types.SoapActionType;
import org.jupnp.model.types.UDN;
import org.jupnp.transport.impl.SOAPActionProcessorImpl;

/**
 * A place where DiVA parses XML from the network: how a document for it looks with a given DOCTYPE and text, and
 * what it reads back as that text.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // jUPnP's model types are raw
enum Victim {
    SOAP_REQUEST("s:Envelope") {
        @Override
        String document(String doctype, String text) {
            return "<?xml version=\"1.0\"?>" + doctype + envelope("<u:Echo xmlns:u=\"" + ECHO_TYPE + "\"><Text>"
                    + text + "</Text><Count>1</Count></u:Echo>");
        }

        @Override
        String read(String xml) throws Exception {
            return readRequest(new SafeSoapActionProcessor(), xml);
        }
    },
    SOAP_RESPONSE("s:Envelope") {
        @Override
        String document(String doctype, String text) {
            return "<?xml version=\"1.0\"?>" + doctype + envelope("<u:EchoResponse xmlns:u=\"" + ECHO_TYPE
                    + "\"><Text>" + text + "</Text></u:EchoResponse>");
        }

        @Override
        String read(String xml) throws Exception {
            LocalService<?> service = echoService();
            ActionInvocation<?> invocation = new ActionInvocation<>(service.getAction("Echo"));
            new SafeSoapActionProcessor().readBody(new IncomingActionResponseMessage(
                    new StreamResponseMessage(new UpnpResponse(UpnpResponse.Status.OK), xml)), invocation);
            if (invocation.getFailure() != null) {
                throw invocation.getFailure();
            }
            return invocation.getOutput("Text").toString();
        }
    },
    GENA_EVENT("e:propertyset") {
        @Override
        String document(String doctype, String text) {
            return "<?xml version=\"1.0\"?>" + doctype + "<e:propertyset xmlns:e=\"urn:schemas-upnp-org:event-1-0\">"
                    + "<e:property><Text>" + text + "</Text></e:property></e:propertyset>";
        }

        @Override
        String read(String xml) throws Exception {
            RemoteService service = new SafeServiceDescriptorBinder().describe(describedDevice().getServices()[0],
                    SERVICE_DESCRIPTION.document("", ""));
            IncomingEventRequestMessage message = new IncomingEventRequestMessage(new StreamRequestMessage(
                    UpnpRequest.Method.NOTIFY, URI.create("/cb"), xml), service);
            new SafeGenaEventProcessor().readBody(message);
            return message.getStateVariableValues().get(0).toString();
        }
    },
    DEVICE_DESCRIPTION("root") {
        @Override
        String document(String doctype, String text) {
            return "<?xml version=\"1.0\"?>" + doctype + deviceDescription(text);
        }

        @Override
        String read(String xml) throws Exception {
            return new SafeDeviceDescriptorBinder().describe(undescribedDevice(), xml).getDetails().getFriendlyName();
        }
    },
    SERVICE_DESCRIPTION("scpd") {
        @Override
        String document(String doctype, String text) {
            return "<?xml version=\"1.0\"?>" + doctype + "<scpd xmlns=\"urn:schemas-upnp-org:service-1-0\">"
                    + "<specVersion><major>1</major><minor>0</minor></specVersion><actionList/><serviceStateTable>"
                    + "<stateVariable sendEvents=\"yes\"><name>Text</name><dataType>string</dataType>"
                    + "<defaultValue>" + text + "</defaultValue></stateVariable></serviceStateTable></scpd>";
        }

        @Override
        String read(String xml) throws Exception {
            RemoteService described = new SafeServiceDescriptorBinder().describe(
                    describedDevice().getServices()[0], xml);
            return described.getStateVariable("Text").getTypeDetails().getDefaultValue();
        }
    },
    DIDL_LITE("DIDL-Lite") {
        @Override
        String document(String doctype, String text) {
            return "<?xml version=\"1.0\"?>" + doctype
                    + "<DIDL-Lite xmlns=\"urn:schemas-upnp-org:metadata-1-0/DIDL-Lite/\""
                    + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                    + " xmlns:upnp=\"urn:schemas-upnp-org:metadata-1-0/upnp/\">"
                    + "<item id=\"1\" parentID=\"0\" restricted=\"1\"><dc:title>" + text + "</dc:title>"
                    + "<upnp:class>object.item.videoItem</upnp:class></item></DIDL-Lite>";
        }

        @Override
        String read(String xml) throws Exception {
            return new SafeDidlParser().parse(xml).getItems().get(0).getTitle();
        }
    };

    static final String ECHO_TYPE = "urn:schemas-upnp-org:service:Echo:1";
    private static final UDN UDN = new UDN(UUID.fromString("8a2b7c1e-0000-4000-8000-00000000e40c"));

    private final String root;

    Victim(String root) {
        this.root = root;
    }

    String root() {
        return root;
    }

    abstract String document(String doctype, String text);

    /** The text the document carries, as DiVA's parser reads it; throws if it refuses the document. */
    abstract String read(String xml) throws Exception;

    /** What jUPnP's own SOAP processor reads as the request's text: the reason it is replaced. */
    static String readWithJupnpsOwnProcessor(String xml) throws Exception {
        return readRequest(new SOAPActionProcessorImpl(), xml);
    }

    private static String readRequest(SOAPActionProcessorImpl processor, String xml) throws Exception {
        LocalService<?> service = echoService();
        StreamRequestMessage raw = new StreamRequestMessage(UpnpRequest.Method.POST, URI.create("/ctl"), xml);
        raw.getHeaders().add(UpnpHeader.Type.SOAPACTION, new SoapActionHeader(
                new SoapActionType(service.getServiceType(), "Echo")));
        IncomingActionRequestMessage message = new IncomingActionRequestMessage(raw, service);
        ActionInvocation<?> invocation = new ActionInvocation<>(message.getAction());
        processor.readBody(message, invocation);
        return invocation.getInput("Text").toString();
    }

    static LocalService<?> echoService() throws Exception {
        return new AnnotationLocalServiceBinder().read(EchoService.class);
    }

    private static String envelope(String body) {
        return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body>" + body
                + "</s:Body></s:Envelope>";
    }

    private static String deviceDescription(String friendlyName) {
        return "<root xmlns=\"urn:schemas-upnp-org:device-1-0\"><specVersion><major>1</major><minor>0</minor>"
                + "</specVersion><device><deviceType>urn:schemas-upnp-org:device:MediaServer:1</deviceType>"
                + "<friendlyName>" + friendlyName + "</friendlyName><manufacturer>M</manufacturer>"
                + "<modelName>X</modelName><UDN>" + UDN + "</UDN><serviceList><service>"
                + "<serviceType>" + ECHO_TYPE + "</serviceType><serviceId>urn:upnp-org:serviceId:Echo</serviceId>"
                + "<SCPDURL>/scpd</SCPDURL><controlURL>/ctl</controlURL><eventSubURL>/evt</eventSubURL>"
                + "</service></serviceList></device></root>";
    }

    private static RemoteDevice undescribedDevice() throws Exception {
        return new RemoteDevice(new RemoteDeviceIdentity(UDN, 1800, new URL("http://192.0.2.7:8300/desc"), null,
                null));
    }

    private static RemoteDevice describedDevice() throws Exception {
        return new SafeDeviceDescriptorBinder().describe(undescribedDevice(), deviceDescription("Good"));
    }
}
