package org.diva.upnp.xml;

import org.jupnp.binding.xml.DescriptorBindingException;
import org.jupnp.binding.xml.UDA10ServiceDescriptorBinderImpl;
import org.jupnp.model.ValidationException;
import org.jupnp.model.meta.Service;
import org.xml.sax.SAXException;

/** jUPnP's service description (SCPD) reader with a parser that refuses DTDs ({@link SafeXml}). */
@SuppressWarnings("rawtypes") // jUPnP's binder interface uses raw Service
public class SafeServiceDescriptorBinder extends UDA10ServiceDescriptorBinderImpl {
    @Override
    public <S extends Service> S describe(S undescribedService, String descriptorXml)
            throws DescriptorBindingException, ValidationException {
        if (descriptorXml == null || descriptorXml.isBlank()) {
            throw new DescriptorBindingException("empty service description");
        }
        try {
            return describe(undescribedService, SafeXml.parse(descriptorXml.trim()));
        } catch (SAXException e) {
            throw new DescriptorBindingException("unreadable service description: " + e.getMessage(), e);
        }
    }
}
