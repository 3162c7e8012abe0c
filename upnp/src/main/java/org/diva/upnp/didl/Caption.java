package org.diva.upnp.didl;

import java.util.Objects;

/**
 * A subtitle file announced the Samsung way, {@code <sec:CaptionInfoEx sec:type="srt">url</sec:CaptionInfoEx>};
 * Samsung TVs ignore subtitle {@code res} elements and read this instead.
 *
 * @param type the file's format as Samsung names it: srt, smi, ssa, sub
 */
public record Caption(String url, String type) {
    public Caption {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(type, "type");
    }
}
