package org.diva.transcode.probe;

import java.util.EnumMap;
import java.util.Map;

/** DiVA's probes for every format it reads, wired into one {@link MediaProber}. */
public final class StandardProbes {
    private StandardProbes() {
    }

    public static MediaProber create() {
        Map<ContainerFormat, ContainerProbe> containers = new EnumMap<>(ContainerFormat.class);
        containers.put(ContainerFormat.MP4, new Mp4Probe());
        Map<ContainerFormat, FileProbe> files = new EnumMap<>(ContainerFormat.class);
        return new MediaProber(containers, files);
    }
}
