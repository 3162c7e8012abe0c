package org.diva.upnp.xml;

import java.util.ArrayList;
import java.util.List;
import org.jupnp.model.UnsupportedDataException;
import org.jupnp.model.action.ActionArgumentValue;
import org.jupnp.model.action.ActionException;
import org.jupnp.model.action.ActionInvocation;
import org.jupnp.model.message.control.ActionRequestMessage;
import org.jupnp.model.message.control.ActionResponseMessage;
import org.jupnp.model.meta.ActionArgument;
import org.jupnp.model.types.ErrorCode;
import org.jupnp.model.types.InvalidValueException;
import org.jupnp.transport.impl.SOAPActionProcessorImpl;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * jUPnP's SOAP processor with a parser that refuses DTDs ({@link SafeXml}) and UPnP's error codes for what a client
 * got wrong: a body that is not a SOAP envelope naming the action (not XML, a DOCTYPE, no Envelope or Body) is
 * 401 Invalid Action, a missing or mistyped argument 402 Invalid Args. jUPnP would answer both with 501 or 600,
 * which tells the client the server is at fault.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // jUPnP's processor interface uses raw ActionInvocation
public class SafeSoapActionProcessor extends SOAPActionProcessorImpl {
    private static final int MAX_REASON = 200;
    private static final String ENVELOPE_START = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>"
            + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            + "s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body>";

    /**
     * Writes a successful answer straight into a string instead of through jUPnP's DOM: the same envelope, but a
     * Browse answer carries ~90 KB of DIDL-Lite, which jUPnP escapes with five regular-expression passes and then
     * copies node by node; that was a third of the cost of a Browse. Faults still go through jUPnP.
     */
    @Override
    protected void writeBodyResponse(Document d, Element bodyElement, ActionResponseMessage message,
                                     ActionInvocation actionInvocation) {
        String element = "u:" + actionInvocation.getAction().getName() + "Response";
        StringBuilder xml = new StringBuilder(8192).append(ENVELOPE_START);
        xml.append('<').append(element).append(" xmlns:u=\"");
        escape(xml, message.getActionNamespace(), true);
        xml.append("\">");
        for (ActionArgument argument : actionInvocation.getAction().getOutputArguments()) {
            Object value = actionInvocation.getOutput(argument);
            xml.append('<').append(argument.getName()).append('>');
            escape(xml, value == null ? "" : value.toString(), false);
            xml.append("</").append(argument.getName()).append('>');
        }
        xml.append("</").append(element).append("></s:Body></s:Envelope>");
        message.setBody(xml.toString());
    }

    /** Escapes in one pass; quotes only in attributes (element text needs none, and jUPnP left them too). */
    static void escape(StringBuilder out, String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }

    @Override
    protected Document readDocument(InputSource inputSource, ErrorHandler errorHandler) throws SAXException {
        return SafeXml.parse(inputSource, errorHandler);
    }

    @Override
    protected Document readDocument(InputSource inputSource) throws SAXException {
        return SafeXml.parse(inputSource, null);
    }

    @Override
    public void readBody(ActionRequestMessage requestMessage, ActionInvocation actionInvocation)
            throws UnsupportedDataException {
        try {
            super.readBody(requestMessage, actionInvocation);
        } catch (UnsupportedDataException e) {
            Throwable root = rootCause(e);
            if (root instanceof ActionException) {
                throw e;
            }
            throw new UnsupportedDataException("unreadable SOAP request", new ActionException(
                    ErrorCode.INVALID_ACTION.getCode(), "Invalid Action: the request is not a SOAP envelope for "
                    + actionInvocation.getAction().getName() + " (" + reason(root) + ")"));
        }
    }

    /** Arguments are found by name (clients send them in any order); a missing or mistyped one is 402. */
    @Override
    public void readActionInputArguments(Element actionRequestElement, ActionInvocation actionInvocation)
            throws ActionException {
        ActionArgument<?>[] arguments = actionInvocation.getAction().getInputArguments();
        List<ActionArgumentValue<?>> values = new ArrayList<>();
        NodeList children = actionRequestElement.getChildNodes();
        for (ActionArgument<?> argument : arguments) {
            Element element = find(children, argument);
            if (element == null) {
                throw new ActionException(ErrorCode.INVALID_ARGS.getCode(),
                        "Invalid Args: argument " + argument.getName() + " is missing");
            }
            try {
                values.add(new ActionArgumentValue<>(argument, element.getTextContent()));
            } catch (InvalidValueException e) {
                throw new ActionException(ErrorCode.INVALID_ARGS.getCode(), "Invalid Args: argument "
                        + argument.getName() + " is not a valid " + argument.getDatatype().getDisplayString());
            }
        }
        actionInvocation.setInput(values.toArray(ActionArgumentValue[]::new));
    }

    private Element find(NodeList children, ActionArgument<?> argument) {
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.ELEMENT_NODE && argument.isNameOrAlias(getUnprefixedNodeName(child))) {
                return (Element) child;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String reason(Throwable root) {
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON) + "...";
    }
}
