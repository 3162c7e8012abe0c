package org.diva.transcode.probe;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Probes formats whose best reader works on files rather than channels (audio tag and EXIF libraries).
 * Like {@link ContainerProbe}, it reads headers only and reports damage as {@link MediaFormatException}.
 */
public interface FileProbe {
    Probed probe(Path file, ContainerFormat format) throws IOException;
}
