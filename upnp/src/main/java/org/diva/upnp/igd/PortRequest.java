package org.diva.upnp.igd;

/**
 * One TCP port to forward from the router to this machine.
 *
 * @param purpose      a short name for the port ("pool", "peer"), shown in the router's table as "DiVA purpose"
 * @param internalPort the port DiVA listens on
 * @param externalPort the port neighbours dial on the router's external address
 */
public record PortRequest(String purpose, int internalPort, int externalPort) {
    public PortRequest {
        if (purpose == null || purpose.isBlank() || purpose.length() > 32) {
            throw new IllegalArgumentException("a forwarded port needs a short purpose, not '" + purpose + "'");
        }
        if (internalPort < 1 || internalPort > 65_535 || externalPort < 1 || externalPort > 65_535) {
            throw new IllegalArgumentException("cannot forward " + purpose + " port " + externalPort + " to "
                    + internalPort + ": ports are 1 to 65535 (a port of 0 must be bound before it is forwarded)");
        }
    }

    /** What the router's table shows next to the mapping. */
    String description() {
        return "DiVA " + purpose;
    }
}
