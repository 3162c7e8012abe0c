package org.diva.upnp.didl;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A {@code res} element: one way to get the item's bytes.
 *
 * @param protocolInfo   e.g. {@code http-get:*:video/mp4:DLNA.ORG_PN=...}
 * @param durationMillis written as {@code H:MM:SS.mmm}
 * @param bytesPerSecond UPnP's {@code bitrate} attribute is in bytes per second, not bits
 * @param resolution     {@code WIDTHxHEIGHT}
 */
public record DidlResource(String url, String protocolInfo, OptionalLong size, OptionalLong durationMillis,
                           OptionalLong bytesPerSecond, Optional<String> resolution, OptionalInt sampleFrequency,
                           OptionalInt audioChannels) {
    public DidlResource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(protocolInfo, "protocolInfo");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(durationMillis, "durationMillis");
        Objects.requireNonNull(bytesPerSecond, "bytesPerSecond");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(sampleFrequency, "sampleFrequency");
        Objects.requireNonNull(audioChannels, "audioChannels");
        if (protocolInfo.split(":", -1).length != 4) {
            throw new IllegalArgumentException("protocolInfo has four ':'-separated fields: " + protocolInfo);
        }
    }

    /** A resource of which only the URL and protocolInfo are known, e.g. a subtitle file. */
    public static DidlResource of(String url, String protocolInfo) {
        return new DidlResource(url, protocolInfo, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty(), OptionalInt.empty(), OptionalInt.empty());
    }
}
