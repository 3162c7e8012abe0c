package org.diva.transcode.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one profile file (YAML). The layout, with every field a built-in uses:
 * <pre>
 * id: samsung-tv
 * name: Samsung TV
 * priority: 0                      # optional; breaks recognition ties
 * recognise:                       # optional; regular expressions, case-insensitive, found anywhere
 *   userAgent: [SEC_HHP_, SamsungWiselinkPro]
 *   avClientInfo: [...]            # also friendlyName, manufacturer, modelName, modelNumber
 * plays:
 *   containers: [mp4, matroska, mpegts]
 *   maxBitrate: 40000000           # optional, bits per second
 *   subtitles: external            # external | embedded | none
 *   video:
 *     - {codec: h264, profiles: [Main, High], maxLevel: "5.1", maxWidth: 1920, maxHeight: 1080,
 *        maxFrameRate: 60, maxBitDepth: 8}
 *   audio:
 *     - {codec: aac, maxChannels: 6}
 * quirks:                          # optional
 *   mimeTypes: {matroska: video/x-mkv}
 *   timeSeek: true
 *   contentLengthForLive: false
 * </pre>
 */
final class ProfileReader {
    /** A profile is a page of text; anything larger is not one. */
    static final int MAX_BYTES = 256 * 1024;

    /** A key given twice is refused: which of the two was meant is anyone's guess. */
    private final YAMLMapper yaml = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    DeviceProfile read(String file, String text) throws InvalidProfileException {
        try {
            return parse(file, text);
        } catch (IllegalArgumentException e) { // a value each field allows but the record does not, together
            throw new InvalidProfileException(file + ": " + e.getMessage(), e);
        }
    }

    private DeviceProfile parse(String file, String text) throws InvalidProfileException {
        if (text.length() > MAX_BYTES) {
            throw new InvalidProfileException(file + ": is " + text.length() + " characters long; a profile is at "
                    + "most " + MAX_BYTES);
        }
        JsonNode tree;
        try {
            tree = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidProfileException(file + ": is not valid YAML: " + e.getOriginalMessage()
                    + location(e), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidProfileException(file + ": is empty");
        }
        YamlNode root = new YamlNode(file, "", tree).mapping(Set.of("id", "name", "priority", "recognise", "plays",
                "quirks"));
        YamlNode idNode = root.required("id");
        String id = idNode.text();
        if (!DeviceProfile.isValidId(id)) {
            throw idNode.error("must be lower-case letters, digits and single dashes (like samsung-tv), not '"
                    + id + "'");
        }
        int priority = root.field("priority").isPresent() ? (int) root.required("priority").whole(-1000, 1000) : 0;
        Recognition recognition = root.field("recognise").isPresent() ? recognition(root.required("recognise"))
                : Recognition.never();
        Capabilities plays = capabilities(root.required("plays"));
        Quirks quirks = root.field("quirks").isPresent() ? quirks(root.required("quirks")) : Quirks.none();
        return new DeviceProfile(id, root.required("name").text(), priority, recognition, plays, quirks);
    }

    private static Recognition recognition(YamlNode node) throws InvalidProfileException {
        node.mapping(Set.of("userAgent", "avClientInfo", "friendlyName", "manufacturer", "modelName",
                "modelNumber"));
        return new Recognition(patterns(node, "userAgent"), patterns(node, "avClientInfo"),
                patterns(node, "friendlyName"), patterns(node, "manufacturer"), patterns(node, "modelName"),
                patterns(node, "modelNumber"));
    }

    private static List<Pattern> patterns(YamlNode parent, String name) throws InvalidProfileException {
        List<Pattern> patterns = new ArrayList<>();
        if (parent.field(name).isEmpty()) {
            return patterns;
        }
        for (YamlNode item : parent.required(name).list()) {
            try {
                patterns.addAll(Recognition.compile(List.of(item.text())));
            } catch (PatternSyntaxException e) {
                throw item.error("is not a regular expression: " + e.getDescription());
            }
        }
        return patterns;
    }

    private static Capabilities capabilities(YamlNode node) throws InvalidProfileException {
        node.mapping(Set.of("containers", "maxBitrate", "subtitles", "video", "audio"));
        List<VideoCapability> video = new ArrayList<>();
        if (node.field("video").isPresent()) {
            for (YamlNode item : node.required("video").list()) {
                video.add(video(item));
            }
        }
        List<AudioCapability> audio = new ArrayList<>();
        if (node.field("audio").isPresent()) {
            for (YamlNode item : node.required("audio").list()) {
                item.mapping(Set.of("codec", "maxChannels"));
                audio.add(new AudioCapability(lower(item.required("codec")),
                        item.field("maxChannels").isPresent() ? (int) item.required("maxChannels").whole(1, 32) : 2));
            }
        }
        OptionalLong maxBitrate = node.field("maxBitrate").isPresent()
                ? OptionalLong.of(node.required("maxBitrate").whole(64_000, 1_000_000_000)) : OptionalLong.empty();
        SubtitleMethod subtitles = SubtitleMethod.NONE;
        if (node.field("subtitles").isPresent()) {
            YamlNode method = node.required("subtitles");
            try {
                subtitles = SubtitleMethod.valueOf(method.text().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw method.error("must be external, embedded or none, not '" + method.text() + "'");
            }
        }
        List<String> containers = new ArrayList<>();
        for (YamlNode item : node.required("containers").list()) {
            containers.add(lower(item));
        }
        return new Capabilities(Set.copyOf(containers), video, audio, maxBitrate, subtitles);
    }

    private static VideoCapability video(YamlNode item) throws InvalidProfileException {
        item.mapping(Set.of("codec", "profiles", "maxLevel", "maxWidth", "maxHeight", "maxFrameRate",
                "maxBitDepth"));
        Optional<String> maxLevel = Optional.empty();
        if (item.field("maxLevel").isPresent()) {
            YamlNode level = item.required("maxLevel");
            try {
                VideoCapability.levelNumber(level.text());
            } catch (IllegalArgumentException e) {
                throw level.error(e.getMessage());
            }
            maxLevel = Optional.of(level.text());
        }
        return new VideoCapability(lower(item.required("codec")),
                Set.copyOf(item.field("profiles").isPresent() ? item.required("profiles").texts() : List.of()),
                maxLevel, (int) item.required("maxWidth").whole(16, 16384),
                (int) item.required("maxHeight").whole(16, 16384),
                item.field("maxFrameRate").isPresent() ? item.required("maxFrameRate").number(1, 480) : 60,
                item.field("maxBitDepth").isPresent() ? (int) item.required("maxBitDepth").whole(8, 16) : 8);
    }

    private static Quirks quirks(YamlNode node) throws InvalidProfileException {
        node.mapping(Set.of("mimeTypes", "timeSeek", "contentLengthForLive"));
        Quirks none = Quirks.none();
        return new Quirks(node.field("mimeTypes").isPresent() ? node.required("mimeTypes").textMap() : none.mimeTypes(),
                node.field("timeSeek").isPresent() ? node.required("timeSeek").bool() : none.timeSeek(),
                node.field("contentLengthForLive").isPresent() ? node.required("contentLengthForLive").bool()
                        : none.contentLengthForLive());
    }

    private static String lower(YamlNode node) throws InvalidProfileException {
        return node.text().toLowerCase(Locale.ROOT);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
