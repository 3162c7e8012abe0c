package org.diva.config;

import java.io.IOException;
import java.net.NetworkInterface;
import java.util.List;

/** Lists the machine's network interface names, so a named interface can be checked before anything starts. */
@FunctionalInterface
public interface InterfaceNames {
    List<String> list() throws IOException;

    /** The interfaces this machine has now, up or down. */
    static InterfaceNames ofThisMachine() {
        return () -> NetworkInterface.networkInterfaces().map(NetworkInterface::getName).sorted().toList();
    }
}
