package org.diva.web.live;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diva.web.json.ApiException;

/**
 * Parses {@code TimeSeekRange.dlna.org} (DLNA guidelines 7.5.4.3.2.24): {@code npt=START-[END]} with times as
 * seconds ({@code 12.5}) or {@code H:MM:SS[.fff]}. Only the start matters to DiVA: streams run to the end and the
 * client stops reading where it likes.
 */
public final class TimeSeek {
    private static final Pattern NPT = Pattern.compile("\\s*npt\\s*=\\s*([0-9:.]+)\\s*-\\s*([0-9:.]*)\\s*(?:/.*)?");
    private static final Pattern CLOCK = Pattern.compile("(\\d+):([0-5]?\\d):([0-5]?\\d(?:\\.\\d+)?)");
    private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");

    private TimeSeek() {
    }

    /** The start in 90 kHz ticks; empty without the header; 400 when it is malformed. */
    static OptionalLong startTicks(String header) {
        if (header == null) {
            return OptionalLong.empty();
        }
        Matcher m = NPT.matcher(header.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw ApiException.badRequest("TimeSeekRange.dlna.org must be npt=START-[END], got '" + header + "'");
        }
        long start = ticks(m.group(1), header);
        if (!m.group(2).isEmpty() && ticks(m.group(2), header) < start) {
            throw ApiException.badRequest("TimeSeekRange.dlna.org ends before it starts: '" + header + "'");
        }
        return OptionalLong.of(start);
    }

    private static long ticks(String time, String header) {
        Matcher clock = CLOCK.matcher(time);
        double seconds;
        if (clock.matches()) {
            seconds = Long.parseLong(clock.group(1)) * 3600 + Long.parseLong(clock.group(2)) * 60
                    + Double.parseDouble(clock.group(3));
        } else if (SECONDS.matcher(time).matches()) {
            seconds = Double.parseDouble(time);
        } else {
            throw ApiException.badRequest("TimeSeekRange.dlna.org has an unreadable time '" + time + "' in '"
                    + header + "'");
        }
        if (seconds > 1e7) {
            throw ApiException.badRequest("TimeSeekRange.dlna.org time is out of range: '" + header + "'");
        }
        return Math.round(seconds * 90_000);
    }

    /** The answer header for a stream that starts at {@code landed} and lasts {@code duration}, if known. */
    public static String answer(long landed, OptionalLong duration) {
        return "npt=" + npt(landed) + "-" + (duration.isPresent() ? npt(duration.getAsLong()) + "/"
                + npt(duration.getAsLong()) : "");
    }

    /** Seconds with three decimals, as npt times are written. */
    public static String npt(long ticks) {
        return String.format(Locale.ROOT, "%.3f", ticks / 90_000.0);
    }
}
