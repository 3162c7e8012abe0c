package org.diva.web.media;

import java.util.Optional;

/** What the media endpoint may serve: an opaque id maps to a catalogued file, and nothing else is reachable. */
@FunctionalInterface
public interface MediaSource {
    Optional<ServedFile> find(String id);
}
