package org.diva.upnp.xml;

import org.jupnp.binding.xml.DescriptorBindingException;
import org.jupnp.binding.xml.UDA10DeviceDescriptorBinderImpl;
import org.jupnp.model.ValidationException;
import org.jupnp.model.meta.Device;
import org.xml.sax.SAXException;

/** jUPnP's device description reader with a parser that refuses DTDs ({@link SafeXml}). */
@SuppressWarnings("rawtypes") // jUPnP's binder interface uses raw Device
public class SafeDeviceDescriptorBinder extends UDA10DeviceDescriptorBinderImpl {
    @Override
    public <D extends Device> D describe(D undescribedDevice, String descriptorXml)
            throws DescriptorBindingException, ValidationException {
        if (descriptorXml == null || descriptorXml.isBlank()) {
            throw new DescriptorBindingException("empty device description");
        }
        try {
            // Some devices send blanks after the root element; trimming keeps them readable, as jUPnP does.
            return describe(undescribedDevice, SafeXml.parse(descriptorXml.trim()));
        } catch (SAXException e) {
            throw new DescriptorBindingException("unreadable device description: " + e.getMessage(), e);
        }
    }
}
