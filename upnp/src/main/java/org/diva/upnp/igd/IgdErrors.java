package org.diva.upnp.igd;

import java.util.Map;

/**
 * The error codes a WANIPConnection or WANPPPConnection service answers AddPortMapping, DeletePortMapping and
 * GetExternalIPAddress with (the error tables of each action in the WANIPConnection:1 and :2 Service
 * Templates, section 2.4, and UDA 1.1's control section for the generic 4xx/5xx/6xx codes), put in words a
 * household can act on.
 */
final class IgdErrors {
    static final int ONLY_PERMANENT_LEASES = 725;
    static final int CONFLICT_IN_MAPPING_ENTRY = 718;

    private static final Map<Integer, String> WORDS = Map.ofEntries(
            Map.entry(401, "Invalid Action: the router does not offer this action"),
            Map.entry(402, "Invalid Args: the router rejected the request's arguments"),
            Map.entry(501, "Action Failed: the router could not do it"),
            Map.entry(606, "Action not authorized: the router's UPnP port forwarding is read-only; enable"
                    + " \"allow UPnP to change port forwarding\" in its settings"),
            Map.entry(714, "NoSuchEntryInArray: the router has no such mapping"),
            Map.entry(715, "WildCardNotPermittedInSrcIP: the router wants a specific remote host"),
            Map.entry(716, "WildCardNotPermittedInExtPort: the router wants a specific external port"),
            Map.entry(CONFLICT_IN_MAPPING_ENTRY, "ConflictInMappingEntry: the router already forwards this port to"
                    + " another device; remove that forwarding or choose another --pool-port"),
            Map.entry(724, "SamePortValuesRequired: the router only forwards a port to the same port number"),
            Map.entry(ONLY_PERMANENT_LEASES, "OnlyPermanentLeasesSupported: the router accepts only permanent"
                    + " mappings"),
            Map.entry(726, "RemoteHostOnlySupportsWildcard: the router accepts no specific remote host"),
            Map.entry(727, "ExternalPortOnlySupportsWildcard: the router accepts no specific external port"),
            Map.entry(728, "NoPortMapsAvailable: the router's forwarding table is full; remove unused entries"),
            Map.entry(729, "ConflictWithOtherMechanisms: another mechanism on the router holds this port"),
            Map.entry(732, "WildCardNotPermittedInIntPort: the router wants a specific internal port"));

    private IgdErrors() {
    }

    /**
     * "error 718 (ConflictInMappingEntry: ...)"; the router's own words are added for the generic codes (4xx,
     * 5xx) and given alone for codes the spec does not name.
     */
    static String describe(int code, String routerMessage) {
        String words = WORDS.get(code);
        if (words == null) {
            return "error " + code + " (" + RouterText.clean(routerMessage) + ")";
        }
        boolean generic = code < 600 && routerMessage != null && !routerMessage.isBlank();
        return "error " + code + " (" + words + (generic ? "; the router said: " + RouterText.clean(routerMessage)
                : "") + ")";
    }
}
