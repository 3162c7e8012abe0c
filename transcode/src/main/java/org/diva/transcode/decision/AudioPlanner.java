package org.diva.transcode.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.profile.AudioCapability;
import org.diva.transcode.profile.DeviceProfile;

/**
 * Chooses the audio a device gets in remuxed or converted output, cheapest first: the first track copied; another
 * track in the same language copied (films often carry DTS and an AC-3 of the same mix); the first track
 * converted; another track in the same language converted. Converting means decoding and encoding to DiVA's one audio encoder (MP2).
 */
final class AudioPlanner {
    static final long STEREO_MP2_BITRATE = 192_000;
    static final long MONO_MP2_BITRATE = 96_000;
    /** What a copied track is budgeted at when its bitrate is unknown (AC-3 5.1 at DVD rate). */
    static final long UNKNOWN_BITRATE = 448_000;

    /** The audio to send (empty when the file has none), the reasons, and whether no audio can be sent. */
    record Plan(Optional<AudioTarget> target, List<String> reasons, boolean impossible) {
        long bitrate() {
            return target.map(t -> t.bitrate().orElse(UNKNOWN_BITRATE)).orElse(0L);
        }
    }

    private AudioPlanner() {
    }

    static Plan plan(List<AudioTrack> tracks, DeviceProfile device, Conversions conversions, OutputFormat output) {
        if (tracks.isEmpty()) {
            return new Plan(Optional.empty(), List.of(), false);
        }
        AudioTrack first = tracks.get(0);
        if (copyable(first, device, output)) {
            return copy(0, first, List.of());
        }
        List<String> why = new ArrayList<>(Compatibility.audio(first, device));
        if (why.isEmpty()) {
            why.add("DiVA cannot carry " + Names.codec(first.codec()) + " audio in "
                    + Names.container(output.container()));
        }
        for (int i = 1; i < tracks.size(); i++) {
            if (sameLanguage(first, tracks.get(i)) && copyable(tracks.get(i), device, output)) {
                return copy(i, tracks.get(i), List.of("audio track " + (i + 1) + " ("
                        + Compatibility.describe(tracks.get(i)) + ") is sent instead of track 1: " + why.get(0)));
            }
        }
        Optional<AudioCapability> encoded = device.plays().audio(conversions.audioEncoder());
        if (encoded.isEmpty()) {
            why.add(device.name() + " does not play " + Names.codec(conversions.audioEncoder())
                    + ", which is what DiVA converts audio to");
            return new Plan(Optional.empty(), why, true);
        }
        for (int i = 0; i < tracks.size(); i++) {
            AudioTrack track = tracks.get(i);
            if (sameLanguage(first, track) && conversions.whyNotDecodable(track).isEmpty()) {
                if (i > 0) {
                    conversions.whyNotDecodable(first).ifPresent(why::add);
                }
                return convert(i, track, encoded.get(), conversions, why);
            }
        }
        conversions.whyNotDecodable(first).ifPresent(why::add);
        return new Plan(Optional.empty(), why, true);
    }

    private static boolean copyable(AudioTrack track, DeviceProfile device, OutputFormat output) {
        return Compatibility.audio(track, device).isEmpty() && output.audio().contains(track.codec());
    }

    private static boolean sameLanguage(AudioTrack a, AudioTrack b) {
        return a.language().isEmpty() || b.language().isEmpty() || a.language().equals(b.language());
    }

    private static Plan copy(int index, AudioTrack track, List<String> reasons) {
        return new Plan(Optional.of(new AudioTarget(index, track.codec(), true, track.channels(), track.sampleRate(),
                track.bitrate())), reasons, false);
    }

    /**
     * MPEG-1 Layer II (ISO/IEC 11172-3) samples at 32, 44.1 or 48 kHz: the source's rate when it is one of them,
     * else the next one up (48 kHz for anything above 44.1 kHz, and when the source does not say).
     */
    static int mp2Rate(OptionalInt source) {
        if (source.isEmpty() || source.getAsInt() > 44_100) {
            return 48_000;
        }
        return source.getAsInt() > 32_000 ? 44_100 : 32_000;
    }

    static Plan convert(int index, AudioTrack track, AudioCapability encoded, Conversions conversions,
                                List<String> why) {
        int channels = Math.min(track.channels().orElse(2),
                Math.min(conversions.audioEncoderChannels(), encoded.maxChannels()));
        long bitrate = channels == 1 ? MONO_MP2_BITRATE : STEREO_MP2_BITRATE;
        List<String> reasons = new ArrayList<>(why);
        reasons.add((index == 0 ? "" : "audio track " + (index + 1) + ": ") + Compatibility.describe(track)
                + " audio is converted to " + Names.codec(conversions.audioEncoder()) + " "
                + Names.channels(channels));
        return new Plan(Optional.of(new AudioTarget(index, conversions.audioEncoder(), false,
                OptionalInt.of(channels), OptionalInt.of(mp2Rate(track.sampleRate())), OptionalLong.of(bitrate))),
                reasons, false);
    }
}
