package org.diva.server.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.profile.Capabilities;
import org.diva.transcode.profile.DeviceProfile;
import org.diva.transcode.profile.Recognition;

/** Wire form of a device profile, as {@code GET /api/v1/profiles} lists it. */
public record ProfileJson(String id, String name, String source, int priority, Map<String, List<String>> recognise,
                          PlaysJson plays, QuirksJson quirks) {

    /** What the device plays. */
    public record PlaysJson(List<String> containers, List<VideoJson> video, List<AudioJson> audio,
                            OptionalLong maxBitrate, String subtitles) {
    }

    /** One video codec and its limits. */
    public record VideoJson(String codec, List<String> profiles, Optional<String> maxLevel, int maxWidth,
                            int maxHeight, double maxFrameRate, int maxBitDepth) {
    }

    /** One audio codec. */
    public record AudioJson(String codec, int maxChannels) {
    }

    /** DLNA quirks. */
    public record QuirksJson(Map<String, String> mimeTypes, boolean timeSeek, boolean contentLengthForLive) {
    }

    /** The list, with what was wrong with the household's own profile files. */
    public record ListJson(List<ProfileJson> profiles, List<String> problems) {
    }

    static ProfileJson of(DeviceProfile p, String source) {
        Recognition r = p.recognition();
        Map<String, List<String>> recognise = new java.util.LinkedHashMap<>();
        put(recognise, "userAgent", r.userAgent());
        put(recognise, "avClientInfo", r.avClientInfo());
        put(recognise, "friendlyName", r.friendlyName());
        put(recognise, "manufacturer", r.manufacturer());
        put(recognise, "modelName", r.modelName());
        put(recognise, "modelNumber", r.modelNumber());
        Capabilities c = p.plays();
        PlaysJson plays = new PlaysJson(c.containers().stream().sorted().toList(),
                c.video().stream().map(v -> new VideoJson(v.codec(), v.profiles().stream().sorted().toList(),
                        v.maxLevel(), v.maxWidth(), v.maxHeight(), v.maxFrameRate(), v.maxBitDepth())).toList(),
                c.audio().stream().map(a -> new AudioJson(a.codec(), a.maxChannels())).toList(), c.maxBitrate(),
                c.subtitles().name().toLowerCase(java.util.Locale.ROOT));
        return new ProfileJson(p.id(), p.name(), source, p.priority(), recognise, plays,
                new QuirksJson(p.quirks().mimeTypes(), p.quirks().timeSeek(), p.quirks().contentLengthForLive()));
    }

    private static void put(Map<String, List<String>> map, String field, List<java.util.regex.Pattern> patterns) {
        if (!patterns.isEmpty()) {
            map.put(field, Recognition.sources(patterns));
        }
    }
}
