package org.diva.transcode.demux.mpeg;

import java.util.Objects;
import org.diva.transcode.stream.Packet;

/**
 * A packet as a framer completes it, with the file position of the container packet its first byte came from, so
 * a seek can restart reading exactly there.
 */
record Unit(Packet packet, long position) {
    Unit {
        Objects.requireNonNull(packet, "packet");
    }
}
