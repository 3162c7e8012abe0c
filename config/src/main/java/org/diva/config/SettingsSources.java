package org.diva.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads raw settings from each source: the command line, the environment and a YAML file. */
final class SettingsSources {
    private SettingsSources() {
    }

    /** Parses {@code --key VALUE} and {@code --key=VALUE}; repeatable keys collect every value. */
    static Map<Key, RawValue> fromCommandLine(List<String> args) throws SettingsException {
        Map<Key, List<String>> collected = new EnumMap<>(Key.class);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new SettingsException("unexpected argument '" + arg
                        + "': settings are given as --name VALUE (run with --help to list them)");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            String option = "--" + name;
            Key key = Key.bySettingName(name).orElseThrow(() -> new SettingsException(
                    "unknown option " + option + " (run with --help to list the options)"));
            if (value == null) {
                // "--name --port 8301" means the name was forgotten, not that the name is "--port".
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new SettingsException(option + " needs a value: " + option + " " + key.placeholder());
                }
                value = args.get(++i);
            }
            List<String> values = collected.computeIfAbsent(key, k -> new ArrayList<>());
            if (!key.repeatable() && !values.isEmpty()) {
                throw new SettingsException(option + " is given twice; give it once");
            }
            values.add(value);
        }
        Map<Key, RawValue> result = new EnumMap<>(Key.class);
        collected.forEach((key, values) -> result.put(key, new RawValue(values, key.option())));
        return result;
    }

    /**
     * Reads {@code DIVA_*} variables. A list setting holds paths separated by the platform's path separator, or
     * names separated by commas.
     * An unknown {@code DIVA_} variable is an error: it is almost always a typo that would otherwise be ignored.
     */
    static Map<Key, RawValue> fromEnvironment(Map<String, String> env, String pathSeparator)
            throws SettingsException {
        Map<Key, RawValue> result = new EnumMap<>(Key.class);
        for (Map.Entry<String, String> entry : env.entrySet()) {
            if (!entry.getKey().startsWith("DIVA_")) {
                continue;
            }
            Key key = Key.byEnvironmentName(entry.getKey()).orElseThrow(() -> new SettingsException(
                    "unknown environment variable " + entry.getKey() + "; DiVA knows "
                            + String.join(", ", java.util.Arrays.stream(Key.values())
                            .map(Key::environmentName).toList()) + ". Unset it or correct its name"));
            String separator = java.util.regex.Pattern.quote(key.environmentSeparator(pathSeparator));
            List<String> values = key.repeatable()
                    ? java.util.Arrays.stream(entry.getValue().split(separator)).filter(s -> !s.isBlank()).toList()
                    : List.of(entry.getValue());
            result.put(key, new RawValue(values, entry.getKey()));
        }
        return result;
    }

    /**
     * Reads a YAML mapping of setting names to values; a list setting also takes a single value.
     *
     * @param namedBy the option or variable that named the file, which must then exist; empty for the default
     *                file, which is skipped when absent
     */
    static Map<Key, RawValue> fromYamlFile(Path file, Optional<String> namedBy) throws SettingsException {
        String origin = file.toString();
        JsonNode root;
        try {
            String text = Files.readString(file);
            root = new YAMLMapper().readTree(text);
        } catch (NoSuchFileException e) {
            if (namedBy.isEmpty()) {
                return Map.of();
            }
            throw new SettingsException("settings file " + file + " (from " + namedBy.get()
                    + ") does not exist: create it or fix " + namedBy.get());
        } catch (JacksonException e) {
            throw new SettingsException("settings file " + file + " is not valid YAML ("
                    + e.getOriginalMessage() + location(e) + "): fix the file");
        } catch (IOException e) {
            throw new SettingsException("settings file " + file + " cannot be read (" + e.getMessage()
                    + "): check its permissions");
        }
        Map<Key, RawValue> result = new EnumMap<>(Key.class);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return result;
        }
        if (!root.isObject()) {
            throw new SettingsException("settings file " + file
                    + " must be a mapping of settings (name: value), not a " + root.getNodeType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Key key = Key.bySettingName(field.getKey()).orElseThrow(() -> new SettingsException(
                    "unknown setting '" + field.getKey() + "' in " + origin + "; known settings: "
                            + Key.knownNames()));
            if (key == Key.CONFIG) {
                throw new SettingsException("'config' cannot be set inside the settings file " + origin
                        + ": remove it, and name the settings file with --config or DIVA_CONFIG instead");
            }
            result.put(key, new RawValue(scalars(key, field.getValue(), origin), origin));
        }
        return result;
    }

    private static List<String> scalars(Key key, JsonNode node, String origin) throws SettingsException {
        if (node.isArray() && key.repeatable()) {
            List<String> values = new ArrayList<>();
            for (JsonNode item : node) {
                values.add(scalar(key, item, origin));
            }
            return values;
        }
        return List.of(scalar(key, node, origin));
    }

    private static String scalar(Key key, JsonNode node, String origin) throws SettingsException {
        if (node.isValueNode() && !node.isNull()) {
            return node.asText();
        }
        throw new SettingsException("setting '" + key.settingName() + "' in " + origin + " must be "
                + (key.repeatable() ? "a value or a list of values" : "a single value") + ", not "
                + (node.isNull() ? "empty" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * SnakeYAML's own mark, when there is one, is where the problem is; Jackson's location is where its parser
     * stood, which for a scanner error (a tab, say) is still the start of the previous token.
     */
    private static String location(JacksonException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return " at line " + (marked.getProblemMark().getLine() + 1);
        }
        return Optional.ofNullable(e.getLocation()).map(l -> " at line " + l.getLineNr()).orElse("");
    }
}
