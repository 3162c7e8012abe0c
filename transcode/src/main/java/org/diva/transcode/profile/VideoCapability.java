package org.diva.transcode.profile;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One video codec a device decodes, and its limits.
 *
 * @param codec        the probe's name for it (h264, hevc, mpeg2video, mpeg4, vp9, av1, ...)
 * @param profiles     the codec profiles it takes, as the probe writes them ("Main", "High"); empty means any
 * @param maxLevel     the highest level ("4.1"), if limited
 * @param maxWidth     pixels
 * @param maxHeight    pixels
 * @param maxFrameRate frames per second
 * @param maxBitDepth  luma bits per sample (8 for most TVs; 10 for HDR-capable ones)
 */
public record VideoCapability(String codec, Set<String> profiles, Optional<String> maxLevel, int maxWidth,
                              int maxHeight, double maxFrameRate, int maxBitDepth) {
    public VideoCapability {
        Objects.requireNonNull(codec, "codec");
        profiles = Set.copyOf(profiles);
        Objects.requireNonNull(maxLevel, "maxLevel");
        maxLevel.ifPresent(VideoCapability::levelNumber);
        if (maxWidth < 16 || maxHeight < 16 || maxWidth > 16384 || maxHeight > 16384) {
            throw new IllegalArgumentException("maxWidth and maxHeight must be 16..16384, not " + maxWidth + "x"
                    + maxHeight);
        }
        if (!(maxFrameRate > 0 && maxFrameRate <= 480)) {
            throw new IllegalArgumentException("maxFrameRate must be above 0 and at most 480, not " + maxFrameRate);
        }
        if (maxBitDepth < 8 || maxBitDepth > 16) {
            throw new IllegalArgumentException("maxBitDepth must be 8..16, not " + maxBitDepth);
        }
    }

    /** Whether a profile name is among those listed, ignoring case; an empty list takes every profile. */
    public boolean takesProfile(String profile) {
        return profiles.isEmpty() || profiles.stream().anyMatch(p -> p.equalsIgnoreCase(profile));
    }

    /** A level as a number ("4.1" is 4.1, "41" is 4.1 as some muxers write it), for comparisons. */
    public static double levelNumber(String level) {
        try {
            double value = Double.parseDouble(level.strip());
            return value >= 10 ? value / 10 : value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a level is a number like 4.1, not '" + level + "'", e);
        }
    }
}
