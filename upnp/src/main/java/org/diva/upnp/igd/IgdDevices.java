package org.diva.upnp.igd;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jupnp.model.meta.Device;
import org.jupnp.model.meta.Service;
import org.jupnp.model.types.DeviceType;
import org.jupnp.model.types.ServiceType;
import org.jupnp.model.types.UDADeviceType;
import org.jupnp.model.types.UDAServiceType;

/**
 * Recognises Internet Gateway Devices and finds the service that forwards ports.
 *
 * <p>The device tree is InternetGatewayDevice, then WANDevice, then WANConnectionDevice carrying WANIPConnection
 * or WANPPPConnection (IGD:1 and IGD:2 Device Templates, section 2). A newer version must work wherever an older
 * one does (UDA 1.1: later versions of a type stay backward compatible), so every type is matched with
 * {@code implementsVersion}: IGD:2 and
 * WANIPConnection:2 count as IGD:1 and WANIPConnection:1. (jUPnP's own PortMappingListener compares the root type
 * with equals, which ignores every IGD:2 router.) WANIPConnection is preferred: a DSL router that offers both
 * usually routes through the IP one.
 */
final class IgdDevices {
    static final DeviceType GATEWAY = new UDADeviceType("InternetGatewayDevice", 1);
    static final ServiceType WAN_IP = new UDAServiceType("WANIPConnection", 1);
    static final ServiceType WAN_PPP = new UDAServiceType("WANPPPConnection", 1);
    /** What the UPnP stack must fetch descriptions for. */
    static final List<ServiceType> SERVICES = List.of(WAN_IP, WAN_PPP);

    private IgdDevices() {
    }

    static boolean isGateway(Device<?, ?, ?> device) {
        return device != null && device.getType() != null && device.getType().implementsVersion(GATEWAY);
    }

    /** The gateway's connection service that can forward ports, if it has one. */
    static Optional<Service<?, ?>> connectionService(Device<?, ?, ?> gateway) {
        return candidates(gateway, WAN_IP).or(() -> candidates(gateway, WAN_PPP));
    }

    /**
     * A gateway with several WAN connections (multi-WAN routers) lists each; the first in service-id order that
     * can add mappings is taken, so the choice does not change between runs.
     */
    private static Optional<Service<?, ?>> candidates(Device<?, ?, ?> gateway, ServiceType type) {
        Service<?, ?>[] found = gateway.findServices(type);
        if (found == null) {
            return Optional.empty();
        }
        List<Service<?, ?>> services = Arrays.asList(found);
        return services.stream()
                .filter(s -> s.getAction("AddPortMapping") != null)
                .min(Comparator.comparing((Service<?, ?> s) -> String.valueOf(s.getServiceId()))
                        .thenComparing(s -> String.valueOf(s.getDevice().getIdentity().getUdn())));
    }
}
