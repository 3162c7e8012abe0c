package org.diva.upnp.device;

import org.diva.upnp.service.ConnectionManagerService;
import org.diva.upnp.service.ContentDirectoryService;
import org.diva.upnp.service.LockFreeServiceManager;
import org.diva.upnp.service.MediaReceiverRegistrarService;
import org.jupnp.binding.LocalServiceBindingException;
import org.jupnp.binding.annotations.AnnotationLocalServiceBinder;
import org.jupnp.internal.compat.java.beans.PropertyChangeSupport;
import org.jupnp.model.ValidationException;
import org.jupnp.model.meta.DeviceDetails;
import org.jupnp.model.meta.LocalDevice;
import org.jupnp.model.meta.LocalService;
import org.jupnp.model.meta.ManufacturerDetails;
import org.jupnp.model.meta.ModelDetails;
import org.jupnp.model.types.DLNADoc;
import org.jupnp.model.types.UDADeviceType;
import org.jupnp.model.types.UDN;

/** Builds jUPnP's model of the MediaServer:1 device from DiVA's description and service objects. */
final class MediaServerModel {
    private MediaServerModel() {
    }

    static LocalDevice build(MediaServerOptions options, ContentDirectoryService contentDirectory,
                             ConnectionManagerService connectionManager, MediaReceiverRegistrarService registrar)
            throws ValidationException, LocalServiceBindingException {
        DeviceDescription d = options.description();
        DeviceDetails details = new DeviceDetails(null, d.friendlyName(),
                new ManufacturerDetails(d.manufacturer(), d.manufacturerUri().orElse(null)),
                new ModelDetails(d.modelName(), d.modelDescription(), d.modelNumber(), d.modelUri().orElse(null)),
                d.serialNumber(), null, d.presentationUri(),
                new DLNADoc[] {new DLNADoc("DMS", DLNADoc.Version.V1_5)}, null);
        LocalService<?>[] services = {
            bind(ContentDirectoryService.class, contentDirectory, contentDirectory.propertyChangeSupport()),
            bind(ConnectionManagerService.class, connectionManager, null),
            bind(MediaReceiverRegistrarService.class, registrar, null)};
        return new LocalDevice(new org.jupnp.model.meta.DeviceIdentity(new UDN(options.uuid()),
                (int) options.maxAge().toSeconds()), new UDADeviceType("MediaServer", 1), details,
                DeviceIcons.load(), services);
    }

    /** Reads the service's bindings and attaches the instance through a manager without jUPnP's lock. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> LocalService<T> bind(Class<T> type, T implementation, PropertyChangeSupport changes)
            throws LocalServiceBindingException {
        LocalService<T> service = new AnnotationLocalServiceBinder().read(type);
        new LockFreeServiceManager<>(service, implementation,
                changes == null ? new PropertyChangeSupport(implementation) : changes);
        return service;
    }
}
