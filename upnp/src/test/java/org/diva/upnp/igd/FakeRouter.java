package org.diva.upnp.igd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jupnp.model.action.ActionException;

/**
 * The state behind a fake router's WAN connection service: its forwarding table, every request it was sent, and
 * the refusals a test scripts (an IGD:1 router that takes only permanent leases, a port held by another device,
 * a broken GetExternalIPAddress).
 */
final class FakeRouter {
    /** One AddPortMapping request as the router received it. */
    record Added(String remoteHost, int externalPort, String protocol, int internalPort, String internalClient,
                 boolean enabled, String description, long leaseSeconds) {
    }

    /** One DeletePortMapping request. */
    record Deleted(String remoteHost, int externalPort, String protocol) {
    }

    final List<Added> added = new ArrayList<>();
    final List<Deleted> deleted = new ArrayList<>();
    /** The forwarding table: external port to the mapping that holds it. */
    final Map<Integer, Added> table = new ConcurrentHashMap<>();
    final Set<Integer> heldByAnotherDevice = ConcurrentHashMap.newKeySet();
    volatile boolean onlyPermanentLeases;
    volatile String externalAddress = "203.0.113.7";
    volatile int externalAddressError;
    /** Told of every request that reached the router, after it was recorded. */
    volatile Consumer<Object> tap = request -> { };

    synchronized void add(Added request) throws ActionException {
        added.add(request);
        tap.accept(request);
        if (heldByAnotherDevice.contains(request.externalPort())) {
            throw new ActionException(IgdErrors.CONFLICT_IN_MAPPING_ENTRY, "ConflictInMappingEntry");
        }
        if (onlyPermanentLeases && request.leaseSeconds() != 0) {
            throw new ActionException(IgdErrors.ONLY_PERMANENT_LEASES, "OnlyPermanentLeasesSupported");
        }
        table.put(request.externalPort(), request);
    }

    synchronized void delete(Deleted request) throws ActionException {
        deleted.add(request);
        tap.accept(request);
        if (table.remove(request.externalPort()) == null) {
            throw new ActionException(714, "NoSuchEntryInArray");
        }
    }

    String externalAddress() throws ActionException {
        if (externalAddressError != 0) {
            throw new ActionException(externalAddressError, "broken");
        }
        return externalAddress;
    }

    synchronized List<Added> added() {
        return List.copyOf(added);
    }

    synchronized List<Deleted> deleted() {
        return List.copyOf(deleted);
    }
}
