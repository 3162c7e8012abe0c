package org.diva.transcode.probe;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;

/**
 * Reads one container format's headers from a channel positioned anywhere; implementations seek to what they
 * need and read a bounded amount (headers, an index, a few megabytes at the start and end), never the whole body,
 * so a 50 GB file probes as fast as a small one.
 */
public interface ContainerProbe {

    /**
     * @param channel the file, or any other source of its bytes; its size is the file size
     * @return what the headers say
     * @throws MediaFormatException if the bytes are not this format or are damaged beyond reading
     * @throws IOException          if reading fails
     */
    MediaInfo probe(SeekableByteChannel channel) throws IOException;
}
