package org.diva.upnp.render;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AVTransport's time values ({@code H+:MM:SS[.F+]}, UPnP AV Transport 1, 2.2.15), to and from durations. */
public final class RelTime {
    private static final Pattern TIME = Pattern.compile("(\\d{1,5}):([0-5]\\d):([0-5]\\d)(?:\\.(\\d{1,3})\\d*)?");

    private RelTime() {
    }

    /** Whole seconds, as every renderer takes them: {@code 0:01:30}. */
    public static String format(Duration position) {
        if (position.isNegative()) {
            throw new IllegalArgumentException("negative position " + position);
        }
        long seconds = position.toSeconds();
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** A time as a renderer or a person writes it; empty for anything else (including {@code NOT_IMPLEMENTED}). */
    public static Optional<Duration> parse(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long millis = m.group(4) == null ? 0 : Long.parseLong((m.group(4) + "00").substring(0, 3));
        return Optional.of(Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(Long.parseLong(m.group(2)))
                .plusSeconds(Long.parseLong(m.group(3))).plusMillis(millis));
    }
}
