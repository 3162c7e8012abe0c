package org.diva.upnp.igd;

import org.diva.upnp.service.LockFreeServiceManager;
import org.jupnp.binding.annotations.AnnotationLocalServiceBinder;
import org.jupnp.internal.compat.java.beans.PropertyChangeSupport;
import org.jupnp.model.meta.DeviceDetails;
import org.jupnp.model.meta.DeviceIdentity;
import org.jupnp.model.meta.LocalDevice;
import org.jupnp.model.meta.LocalService;
import org.jupnp.model.types.UDADeviceType;
import org.jupnp.model.types.UDN;

/**
 * Builds a router's device tree as the IGD Device Templates lay it out: InternetGatewayDevice, WANDevice,
 * WANConnectionDevice carrying the connection service, all of the same version.
 */
final class FakeIgd {
    private FakeIgd() {
    }

    static LocalDevice igd2(FakeRouter router) throws Exception {
        return build("Fake IGD:2", 2, new FakeWanIpConnection2(router));
    }

    static LocalDevice igd1(FakeRouter router) throws Exception {
        return build("Fake IGD:1", 1, new FakeWanIpConnection1(router));
    }

    static LocalDevice igd1Ppp(FakeRouter router) throws Exception {
        return build("Fake DSL IGD:1", 1, new FakeWanPppConnection1(router));
    }

    /** A root of any type with the connection service, for devices that are not gateways. */
    static <T> LocalDevice build(String name, int version, T connection) throws Exception {
        return build(name, new UDADeviceType("InternetGatewayDevice", version), version, connection);
    }

    @SuppressWarnings("unchecked")
    static <T> LocalDevice build(String name, UDADeviceType rootType, int version, T connection) throws Exception {
        LocalService<T> service = new AnnotationLocalServiceBinder().read((Class<T>) connection.getClass());
        new LockFreeServiceManager<>(service, connection, new PropertyChangeSupport(connection));
        LocalDevice connectionDevice = new LocalDevice(new DeviceIdentity(new UDN(java.util.UUID.randomUUID())),
                new UDADeviceType("WANConnectionDevice", version), new DeviceDetails("WAN connection"),
                new LocalService<?>[] {service});
        LocalDevice wan = new LocalDevice(new DeviceIdentity(new UDN(java.util.UUID.randomUUID())),
                new UDADeviceType("WANDevice", version), new DeviceDetails("WAN"), new LocalService<?>[0],
                new LocalDevice[] {connectionDevice});
        return new LocalDevice(new DeviceIdentity(new UDN(java.util.UUID.randomUUID())), rootType,
                new DeviceDetails(name), new LocalService<?>[0], new LocalDevice[] {wan});
    }
}
