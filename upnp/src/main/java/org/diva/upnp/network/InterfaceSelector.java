package org.diva.upnp.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the interfaces SSDP runs on. With no names given, every interface that can reach the household's
 * devices: up, multicast-capable, with an IPv4 address, and not loopback, a point-to-point link (VPN) or a
 * container or VM bridge (docker0, br-1a2b..., veth..., virbr0, ...), whose peers are containers, not TVs; a real
 * bridge such as {@code br0} on a NAS is kept. A named interface is used whatever its kind, as long as it can do
 * SSDP at all; anything else is an error that says why.
 */
public final class InterfaceSelector {
    /** Name prefixes of bridges and virtual links that container and VM tools create. */
    static final List<String> VIRTUAL_PREFIXES = List.of("docker", "br-", "veth", "virbr", "vmnet", "vboxnet",
            "lxcbr", "cni", "flannel", "podman");

    private InterfaceSelector() {
    }

    /**
     * @param machine the machine's interfaces
     * @param named   the interfaces the household named (the {@code interface} setting); empty means choose
     */
    public static List<InterfaceFacts> select(List<InterfaceFacts> machine, List<String> named)
            throws NetworkSelectionException {
        return named.isEmpty() ? automatic(machine) : explicit(machine, named);
    }

    private static List<InterfaceFacts> automatic(List<InterfaceFacts> machine) throws NetworkSelectionException {
        List<InterfaceFacts> chosen = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (InterfaceFacts nic : machine) {
            Optional<String> reason = unusable(nic).or(() -> notForHouseholds(nic));
            if (reason.isPresent()) {
                skipped.add(nic.name() + " (" + reason.get() + ")");
            } else {
                chosen.add(nic);
            }
        }
        if (chosen.isEmpty()) {
            throw new NetworkSelectionException("no network interface can carry UPnP discovery: "
                    + (skipped.isEmpty() ? "this machine has none" : "this machine has " + String.join(", ", skipped))
                    + ". Connect to the home network, or name an interface with --interface");
        }
        return chosen;
    }

    private static List<InterfaceFacts> explicit(List<InterfaceFacts> machine, List<String> named)
            throws NetworkSelectionException {
        List<InterfaceFacts> chosen = new ArrayList<>();
        for (String name : named) {
            InterfaceFacts nic = machine.stream().filter(n -> n.name().equals(name)).findFirst()
                    .orElseThrow(() -> new NetworkSelectionException("network interface '" + name
                            + "' (from the interface setting) does not exist; this machine has "
                            + String.join(", ", machine.stream().map(InterfaceFacts::name).toList())
                            + ". Fix the name with --interface"));
            Optional<String> reason = unusable(nic);
            if (reason.isPresent()) {
                throw new NetworkSelectionException("network interface '" + name + "' (from the interface setting) "
                        + "cannot carry UPnP discovery: it " + reason.get()
                        + ". Fix the interface, or choose another with --interface");
            }
            if (!chosen.contains(nic)) {
                chosen.add(nic);
            }
        }
        return chosen;
    }

    /** Why SSDP cannot work on the interface at all, named or not. */
    private static Optional<String> unusable(InterfaceFacts nic) {
        if (!nic.up()) {
            return Optional.of("is down");
        }
        if (!nic.multicast()) {
            return Optional.of("does not support multicast, which SSDP needs");
        }
        if (nic.subnets().isEmpty()) {
            return Optional.of("has no IPv4 address");
        }
        return Optional.empty();
    }

    /** Why an interface that could do SSDP is still not chosen unless named. */
    private static Optional<String> notForHouseholds(InterfaceFacts nic) {
        String name = nic.name().toLowerCase(Locale.ROOT);
        if (nic.loopback()) {
            return Optional.of("loopback");
        }
        if (nic.pointToPoint()) {
            return Optional.of("point-to-point link");
        }
        if (VIRTUAL_PREFIXES.stream().anyMatch(name::startsWith)) {
            return Optional.of("container or VM bridge");
        }
        return Optional.empty();
    }
}
