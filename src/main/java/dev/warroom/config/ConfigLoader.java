package dev.warroom.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warroom.domain.PlainText;
import dev.warroom.domain.Column;
import dev.warroom.domain.InvalidInputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@link AppConfig}: the shipped defaults, then the user's {@code --config} file on top, field by
 * field. Strict about every field (through {@link ConfigJson}); the user's file is checked on its own
 * first, so a refusal names that file, the path inside it and the line.
 */
public final class ConfigLoader {
    public static final String DEFAULTS = "data/config.json";

    private ConfigLoader() {
    }

    /** Loads the defaults and, when {@code userFile} is not null, the user's overrides. */
    public static AppConfig load(Path userFile) {
        String builtIn = ConfigJson.builtIn(DEFAULTS);
        byte[] defaultBytes = ConfigJson.resourceBytes(DEFAULTS);
        AppConfig builtInConfig = ConfigJson.read(defaultBytes, builtIn, AppConfig.class);
        validate(builtInConfig, builtIn);
        if (userFile == null) {
            return builtInConfig; // read once: binding a tree of the same bytes again gives the same values
        }
        JsonNode defaults = ConfigJson.readObject(defaultBytes, builtIn);
        String name = userFile.toString();
        byte[] bytes = ConfigJson.fileBytes(userFile);
        JsonNode user = ConfigJson.readObject(bytes, name);
        validate(ConfigJson.read(bytes, name, AppConfig.class), name);
        return ConfigJson.bind(merge(defaults.deepCopy(), user), name, AppConfig.class);
    }

    /** Checks one file on its own, so every refusal names that file and path. */
    private static void validate(AppConfig config, String source) {
        if (config.actor() != null && (config.actor().isBlank() || config.actor().length() > 80)) {
            throw new ConfigException(source, "actor", "expected a name of 1 to 80 characters", null);
        }
        if (config.actor() != null && !PlainText.isClean(config.actor(), false)) {
            try {
                PlainText.check("actor", "The name", config.actor(), false);
            } catch (InvalidInputException e) {
                throw new ConfigException(source, "actor", e.getMessage(), null);
            }
        }
        for (String[] f : new String[][] {{"metricsFile", config.metricsFile()},
                {"alertRulesFile", config.alertRulesFile()}}) {
            if (f[1] != null && f[1].isBlank()) {
                throw new ConfigException(source, f[0], "expected the path of a JSON file, got an empty text", null);
            }
        }
        validateComms(config.comms(), source);
        validateConnections(config, source);
        validateWall(config.wall(), source);
        if (config.board() == null) {
            return;
        }
        if (config.board().wipLimits() != null) {
            for (Map.Entry<String, Integer> e : config.board().wipLimits().entrySet()) {
                String path = "board.wipLimits." + e.getKey();
                column(source, path, e.getKey());
                if (e.getValue() == null || e.getValue() < 1) {
                    throw new ConfigException(source, path, "expected a whole number of at least 1, was "
                            + e.getValue() + " (leave the column out to have no limit)", null);
                }
            }
        }
        if (config.board().slas() != null) {
            for (Map.Entry<String, String> e : config.board().slas().entrySet()) {
                String path = "board.slas." + e.getKey();
                column(source, path, e.getKey());
                ConfigJson.duration(source, path, e.getValue(), true);
            }
        }
    }

    private static void validateComms(AppConfig.CommsSection comms, String source) {
        if (comms == null) {
            return;
        }
        if (comms.overdueAfter() != null) {
            ConfigJson.duration(source, "comms.overdueAfter", comms.overdueAfter(), true);
        }
        if (comms.cadence() != null) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < comms.cadence().size(); i++) {
                AppConfig.CadenceEntry e = comms.cadence().get(i);
                String at = "comms.cadence[" + i + "]";
                if (e == null) {
                    throw new ConfigException(source, at, "expected an object { \"channel\": ..., \"first\": ... }", null);
                }
                if (e.channel() == null || !e.channel().matches("[a-z0-9][a-z0-9-]{0,39}")) {
                    throw new ConfigException(source, at + ".channel", "expected a short key of lower-case letters, "
                            + "digits and dashes such as \"status-page\", was " + describe(e.channel()), null);
                }
                if (!seen.add(e.channel())) {
                    throw new ConfigException(source, at + ".channel", "channel \"" + e.channel()
                            + "\" is listed twice", null);
                }
                if (e.label() != null && (e.label().isBlank() || e.label().length() > 60)) {
                    throw new ConfigException(source, at + ".label", "expected a label of 1 to 60 characters", null);
                }
                if (e.first() == null) {
                    throw new ConfigException(source, at + ".first", "expected when the first message is due after "
                            + "the start, e.g. \"30m\" (\"0m\" for at once)", null);
                }
                ConfigJson.duration(source, at + ".first", e.first(), false);
                if (e.every() != null && ConfigJson.duration(source, at + ".every", e.every(), true).toMinutes() < 5) {
                    throw new ConfigException(source, at + ".every", "expected at least \"5m\" between updates, was \""
                            + e.every() + "\"", null);
                }
                if (e.format() != null && dev.warroom.domain.comms.OutputFormat.parse(e.format()).isEmpty()) {
                    throw new ConfigException(source, at + ".format", "expected \"plain\", \"markdown\" or \"slack\", was \""
                            + e.format() + "\"", null);
                }
                if (e.template() != null && !e.template().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,59}")) {
                    throw new ConfigException(source, at + ".template", "expected a template name such as "
                            + "\"status-page\" (the file name without .mustache), was " + describe(e.template()), null);
                }
            }
        }
        if (comms.roles() != null) {
            for (int i = 0; i < comms.roles().size(); i++) {
                try {
                    dev.warroom.domain.CrisisRole.titled(comms.roles().get(i));
                } catch (InvalidInputException ex) {
                    throw new ConfigException(source, "comms.roles[" + i + "]", "expected a role title of 1 to "
                            + dev.warroom.domain.CrisisRole.MAX_TITLE + " characters, was "
                            + describe(comms.roles().get(i)), ex);
                }
            }
        }
    }

    private static void validateWall(AppConfig.WallSection wall, String source) {
        if (wall == null) {
            return;
        }
        if (wall.layout() != null && !wall.layout().equals("split") && !wall.layout().equals("rotate")) {
            throw new ConfigException(source, "wall.layout", "expected \"split\" (everything on one screen) or "
                    + "\"rotate\" (one page at a time), was " + describe(wall.layout()), null);
        }
        if (wall.rotateEvery() != null) {
            java.time.Duration every = ConfigJson.duration(source, "wall.rotateEvery", wall.rotateEvery(), true);
            if (every.getSeconds() < 5 || every.toMinutes() > 60) {
                throw new ConfigException(source, "wall.rotateEvery", "expected between \"5s\" and \"1h\" so each "
                        + "page can be read, was \"" + wall.rotateEvery() + "\"", null);
            }
        }
        if (wall.views() != null) {
            if (wall.views().isEmpty()) {
                throw new ConfigException(source, "wall.views", "expected at least one of "
                        + AppConfig.WALL_VIEWS + " (leave the field out for all of them)", null);
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < wall.views().size(); i++) {
                String v = wall.views().get(i);
                String at = "wall.views[" + i + "]";
                if (v == null || !AppConfig.WALL_VIEWS.contains(v)) {
                    throw new ConfigException(source, at, "expected one of " + AppConfig.WALL_VIEWS.stream()
                            .map(n -> "\"" + n + "\"").collect(Collectors.joining(", ")) + ", was " + describe(v), null);
                }
                if (!seen.add(v)) {
                    throw new ConfigException(source, at, "view \"" + v + "\" is listed twice", null);
                }
            }
        }
    }

    private static void column(String source, String path, String name) {
        try {
            Column.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, path, "\"" + name + "\" is not a column; expected one of "
                    + Arrays.stream(Column.values()).map(Enum::name).collect(Collectors.joining(", ")), e);
        }
    }

    /** The alert receiver and the delivery channels (issue 16): each checks its own fields. */
    private static void validateConnections(AppConfig config, String source) {
        if (config.receiver() != null) {
            config.receiver().validate(source);
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < config.channelSettings().size(); i++) {
            ChannelSettings ch = config.channelSettings().get(i);
            if (ch == null) {
                throw new ConfigException(source, "channels[" + i + "]", "expected an object { ... }", null);
            }
            ch.validate(source, "channels[" + i + "]");
            if (!names.add(ch.name())) {
                throw new ConfigException(source, "channels[" + i + "].name", "the name \"" + ch.name()
                        + "\" is used twice; each channel needs its own", null);
            }
        }
    }

    private static JsonNode merge(JsonNode base, JsonNode over) {
        if (!(base instanceof ObjectNode target) || !over.isObject()) {
            return over;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode existing = target.get(f.getKey());
            boolean replaceWhole = f.getKey().equals("wipLimits") || f.getKey().equals("slas")
                    || f.getKey().equals("cadence") || f.getKey().equals("roles") || f.getKey().equals("views")
                    || f.getKey().equals("channels") || f.getKey().equals("forChannels");
            target.set(f.getKey(), existing != null && !replaceWhole ? merge(existing, f.getValue()) : f.getValue());
        }
        return target;
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
