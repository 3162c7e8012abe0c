package org.diva.transcode.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A node of a profile file that knows where it is ({@code plays.video[1].maxWidth}), so every error names the
 * file and the field. Mappings refuse keys they do not know: a misspelt {@code maxWidht} would otherwise be
 * ignored silently and the household would wonder why the limit does not apply.
 */
final class YamlNode {
    private final String file;
    private final String path;
    private final JsonNode node;

    YamlNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    InvalidProfileException error(String problem) {
        return new InvalidProfileException(file + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    /** Fails if this mapping has keys other than {@code known}. */
    YamlNode mapping(Set<String> known) throws InvalidProfileException {
        if (!node.isObject()) {
            throw error("must be a mapping of fields, not " + describe(node));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw child(name).error("unknown field; known fields here are " + String.join(", ",
                        known.stream().sorted().toList()));
            }
        }
        return this;
    }

    Optional<YamlNode> field(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(child(name));
    }

    YamlNode required(String name) throws InvalidProfileException {
        Optional<YamlNode> value = field(name);
        if (value.isEmpty()) {
            throw child(name).error("is required");
        }
        return value.get();
    }

    String text() throws InvalidProfileException {
        if (!node.isValueNode() || node.asText().isBlank()) {
            throw error("must be a non-empty text, not " + describe(node));
        }
        return node.asText().strip();
    }

    long whole(long min, long max) throws InvalidProfileException {
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw error("must be a whole number from " + min + " to " + max + ", not " + describe(node));
        }
        return node.asLong();
    }

    double number(double min, double max) throws InvalidProfileException {
        if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max) {
            throw error("must be a number from " + min + " to " + max + ", not " + describe(node));
        }
        return node.asDouble();
    }

    boolean bool() throws InvalidProfileException {
        if (!node.isBoolean()) {
            throw error("must be true or false, not " + describe(node));
        }
        return node.asBoolean();
    }

    /** A list; a single value is taken as a list of one, as people write {@code userAgent: Samsung}. */
    List<YamlNode> list() {
        List<YamlNode> items = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                items.add(new YamlNode(file, path + "[" + i + "]", node.get(i)));
            }
        } else {
            items.add(this);
        }
        return items;
    }

    List<String> texts() throws InvalidProfileException {
        List<String> texts = new ArrayList<>();
        for (YamlNode item : list()) {
            texts.add(item.text());
        }
        return texts;
    }

    Map<String, String> textMap() throws InvalidProfileException {
        if (!node.isObject()) {
            throw error("must be a mapping like {matroska: video/x-mkv}, not " + describe(node));
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            map.put(name, child(name).text());
        }
        return map;
    }

    private YamlNode child(String name) {
        return new YamlNode(file, path.isEmpty() ? name : path + "." + name, node.path(name));
    }

    private static String describe(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        String text = node.asText();
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }
}
