package org.diva.upnp.render;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What DiVA knows of a renderer's playback, as its events and answers told it. Values are the renderer's own
 * text, cut to {@link #MAX_VALUE} characters.
 *
 * @param transportState {@code STOPPED}, {@code PLAYING}, {@code PAUSED_PLAYBACK}, {@code TRANSITIONING},
 *                       {@code NO_MEDIA_PRESENT} (or a vendor's own), {@code UNKNOWN} until told
 * @param currentUri     AVTransportURI: what it was told to play
 * @param duration       the track's duration, {@code H:MM:SS}
 * @param position       the playing position, {@code H:MM:SS}, asked for with GetPositionInfo (AVTransport does
 *                       not event it)
 * @param volume         Master volume, 0-100
 * @param updated        when any of this last changed
 */
public record PlaybackState(String transportState, Optional<String> transportStatus, Optional<String> currentUri,
                            Optional<String> duration, Optional<String> position, OptionalInt volume,
                            Optional<Boolean> muted, Optional<Instant> updated) {
    public static final String UNKNOWN = "UNKNOWN";
    static final int MAX_VALUE = 2048;

    public PlaybackState {
        Objects.requireNonNull(transportState, "transportState");
        transportState = cut(transportState);
        transportStatus = transportStatus.map(PlaybackState::cut);
        currentUri = currentUri.map(PlaybackState::cut);
        duration = duration.map(PlaybackState::cut);
        position = position.map(PlaybackState::cut);
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(muted, "muted");
        Objects.requireNonNull(updated, "updated");
    }

    public static PlaybackState unknown() {
        return new PlaybackState(UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty());
    }

    /** Playing or paused: a position means something. */
    public boolean hasMedia() {
        return transportState.equals("PLAYING") || transportState.equals("PAUSED_PLAYBACK")
                || transportState.equals("TRANSITIONING");
    }

    PlaybackState withTransport(Optional<String> state, Optional<String> status, Optional<String> uri,
                                Optional<String> duration, Instant now) {
        return new PlaybackState(state.orElse(transportState), status.or(() -> transportStatus),
                uri.or(() -> currentUri), duration.or(() -> this.duration), position, volume, muted,
                Optional.of(now));
    }

    PlaybackState withPosition(Optional<String> position, Optional<String> duration, Instant now) {
        return new PlaybackState(transportState, transportStatus, currentUri, duration.or(() -> this.duration),
                position, volume, muted, Optional.of(now));
    }

    PlaybackState withVolume(OptionalInt volume, Optional<Boolean> muted, Instant now) {
        return new PlaybackState(transportState, transportStatus, currentUri, duration, position,
                volume.isPresent() ? volume : this.volume, muted.or(() -> this.muted), Optional.of(now));
    }

    private static String cut(String value) {
        return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE);
    }
}
