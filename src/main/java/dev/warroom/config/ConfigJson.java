package dev.warroom.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.warroom.domain.Durations;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.metric.AlertSeverity;
import dev.warroom.domain.metric.Comparison;
import dev.warroom.domain.metric.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one strict JSON reader behind every configuration and data file: unknown fields, wrong types,
 * silent conversions (a 1.5 WIP limit, a number in quotes), numbers out of range, trailing content and
 * duplicate keys are refused. Every failure becomes a {@link ConfigException} naming the file, the JSON
 * path inside it, what was expected and the line and column. Durations take the one format of
 * {@link Durations}.
 */
public final class ConfigJson {

    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing (?:required )?creator property '([^']+)'");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    private static final Pattern PARSER_SOURCE = Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]");
    private static final String KEY_MARK = " as a field name";
    private static final String KINDS = "\"simulator\", \"prometheus\", \"json\", \"file\"";

    /** Fields people put in the wrong file, with where they belong. */
    private static final Map<Class<?>, Map<Set<String>, String>> BELONGS_ELSEWHERE = Map.of(
            AppConfig.class, Map.of(Set.of("trafficBaseline", "trendWindow", "severity", "sources"),
                    "belongs in the metrics file (the JSON file that \"metricsFile\" names; the built-in one is "
                            + MetricsConfigLoader.DEFAULT_METRICS + "), not in this file"),
            MetricsConfig.class, Map.of(Set.of("actor", "board", "comms", "wall", "metricsFile", "alertRulesFile"),
                    "belongs in the main configuration file (the one given with --config), not in the metrics file",
                    Set.of("rules"), "belongs in the alert rules file (the one \"alertRulesFile\" names)"));

    private static final JsonMapper MAPPER = strict(JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(module())
            .build());

    private ConfigJson() {
    }

    /** No silent conversions: 7 is not a name and true is not a title. */
    private static JsonMapper strict(JsonMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** The bytes of a user's file; a missing or unreadable file is a {@link ConfigException} naming it. */
    public static byte[] fileBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "", "file does not exist", e);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The bytes of a file shipped inside the application, named {@link #builtIn(String)} in messages. */
    public static byte[] resourceBytes(String resource) {
        try (InputStream in = ConfigJson.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException(builtIn(resource), "", "missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ConfigException(builtIn(resource), "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** How messages name a file shipped inside the application. */
    public static String builtIn(String resource) {
        return "built-in " + resource;
    }

    /** Reads {@code type} from {@code bytes}; a missing field is null (the caller applies defaults). */
    public static <T> T read(byte[] bytes, String file, Class<T> type) {
        return read(bytes, file, type, false);
    }

    /** Reads {@code type}; with {@code allFieldsRequired} a missing field is an error instead of null. */
    public static <T> T read(byte[] bytes, String file, Class<T> type, boolean allFieldsRequired) {
        ObjectReader reader = MAPPER.readerFor(type);
        if (allFieldsRequired) {
            reader = reader.with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        }
        T value;
        try {
            value = reader.readValue(bytes);
        } catch (JsonProcessingException e) {
            throw translate(file, e);
        } catch (IOException e) {
            throw new ConfigException(file, "", "cannot be read: " + e.getMessage(), e);
        }
        if (value == null) {
            throw new ConfigException(file, "", "expected a JSON object { ... }, found an empty document");
        }
        return value;
    }

    /** Reads a document that must be a JSON object, as a tree (for merging defaults with a user's file). */
    public static JsonNode readObject(byte[] bytes, String file) {
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw translate(file, e);
        } catch (IOException e) {
            throw new ConfigException(file, "", "cannot be read: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new ConfigException(file, "", "expected a JSON object { ... } at the top level");
        }
        return node;
    }

    /** Binds a tree already read by {@link #readObject}. */
    public static <T> T bind(JsonNode node, String file, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw translate(file, e);
        }
    }

    /** Parses a duration field in the one format, refusing zero when {@code positive}. */
    public static Duration duration(String file, String path, String text, boolean positive) {
        Duration d;
        try {
            d = Durations.parse(text, path);
        } catch (InvalidInputException e) {
            throw new ConfigException(file, path, "expected " + Durations.EXPECTED + ", got \"" + text + "\"", e);
        }
        if (positive && d.isZero()) {
            throw new ConfigException(file, path, "expected a positive duration, got \"" + text + "\"");
        }
        return d;
    }

    /** Jackson's complaint in words: where in the file, and what was expected there. */
    static ConfigException translate(String file, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? -1 : location.getLineNr();
        int column = location == null ? -1 : location.getColumnNr();
        if (!(e instanceof JsonMappingException mapping)) {
            return parserLevel(file, e, e, line, column);
        }
        String path = path(mapping.getPath());
        String problem;
        if (e.getCause() instanceof JsonProcessingException inner && !(e instanceof ValueInstantiationException)) {
            ConfigException c = parserLevel(file, inner, e, line, column);
            return path.isEmpty() || !c.path().isEmpty() ? c
                    : new ConfigException(file, path, problemOf(c, file), line, column, e);
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            problem = unknownField(unknown);
        } else if (e instanceof InvalidTypeIdException typeId) {
            path = path.isEmpty() ? "kind" : path + ".kind";
            problem = typeId.getTypeId() == null ? "missing \"kind\"; expected one of " + KINDS
                    : "unknown kind \"" + typeId.getTypeId() + "\"; expected one of " + KINDS;
        } else if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            problem = "invalid: " + cause.getMessage();
        } else if (e instanceof InvalidFormatException format && format.getOriginalMessage().startsWith("expected")
                && !format.getOriginalMessage().contains(KEY_MARK)) {
            problem = format.getOriginalMessage() + ", got \"" + format.getValue() + "\"";
        } else if (e instanceof MismatchedInputException mismatch) {
            String original = mismatch.getOriginalMessage();
            Matcher missing = MISSING_PROPERTY.matcher(original);
            if (missing.find()) {
                if (!path.endsWith(missing.group(1))) {
                    path = path.isEmpty() ? missing.group(1) : path + "." + missing.group(1);
                }
                problem = "missing; this field is required";
            } else if (original.startsWith("Cannot map `null`")) {
                problem = "missing or null; expected " + describe(mismatch.getTargetType());
            } else if (original.contains(KEY_MARK)) {
                path = path + "." + ((InvalidFormatException) mismatch).getValue();
                problem = original.replace(KEY_MARK, "");
            } else if (original.startsWith("expected")) {
                problem = original;
            } else if (mismatch instanceof InvalidFormatException format) {
                problem = "expected " + describe(mismatch.getTargetType()) + ", got " + quoted(format.getValue());
            } else {
                problem = "expected " + describe(mismatch.getTargetType());
            }
        } else {
            problem = firstLine(e.getOriginalMessage());
        }
        return new ConfigException(file, path, problem, line, column, e);
    }

    private static String problemOf(ConfigException c, String file) {
        String m = c.getMessage().substring(file.length() + 2);
        int where = m.lastIndexOf(" (line ");
        return where < 0 ? m : m.substring(0, where);
    }

    /** Errors the parser raises itself: malformed text, duplicate keys, numbers too large. */
    private static ConfigException parserLevel(String file, JsonProcessingException e, JsonProcessingException cause,
                                               int line, int column) {
        JsonStreamContext context = e.getProcessor() instanceof JsonParser parser ? parser.getParsingContext() : null;
        String path = path(context, true);
        String message = firstLine(e.getOriginalMessage());
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            String key = duplicate.group(1);
            String where = path.isEmpty() ? key : path.endsWith(key) ? path : path + "." + key;
            return new ConfigException(file, where, "the key \"" + key + "\" is written twice in the same object; "
                    + "keep one", line, column, cause);
        }
        if (e instanceof InputCoercionException coercion) {
            return new ConfigException(file, path, "the number " + safeText(coercion) + " is too large; expected "
                    + describe(coercion.getTargetType()), line, column, cause);
        }
        if (e instanceof JsonParseException) {
            return new ConfigException(file, path(context, false), "not valid JSON: " + message, line, column, cause);
        }
        return new ConfigException(file, path, message, line, column, cause);
    }

    private static String safeText(InputCoercionException e) {
        try {
            return e.getProcessor() == null ? "" : e.getProcessor().getText();
        } catch (IOException ignored) {
            return "";
        }
    }

    private static String unknownField(UnrecognizedPropertyException unknown) {
        String name = unknown.getPropertyName();
        Map<Set<String>, String> hints = BELONGS_ELSEWHERE.getOrDefault(unknown.getReferringClass(), Map.of());
        for (Map.Entry<Set<String>, String> hint : hints.entrySet()) {
            if (hint.getKey().contains(name)) {
                return "the field \"" + name + "\" " + hint.getValue();
            }
        }
        return "unknown field \"" + name + "\"; expected one of "
                + unknown.getKnownPropertyIds().stream().map(n -> "\"" + n + "\"").sorted()
                .collect(Collectors.joining(", "));
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /**
     * The path of where the parser stands, in the same notation as mapping paths; without
     * {@code withCurrentField} the object that holds the current field (for text that is not JSON, where
     * the last field name read says little).
     */
    static String path(JsonStreamContext context, boolean withCurrentField) {
        List<String> parts = new ArrayList<>();
        JsonStreamContext start = context;
        if (!withCurrentField && start != null && start.inObject()) {
            start = start.getParent();
        }
        for (JsonStreamContext c = start; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(c.getCurrentName());
            } else if (c.inArray()) {
                parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        Collections.reverse(parts);
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (out.length() > 0 && !p.startsWith("[")) {
                out.append('.');
            }
            out.append(p);
        }
        return out.toString();
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == String.class) {
            return "a text value in quotes";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list [ ... ]";
        }
        if (type == Duration.class) {
            return Durations.EXPECTED;
        }
        if (type == Metric.class) {
            return "a metric key";
        }
        return "an object { ... }";
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    /** The first line of Jackson's message, with its internal source descriptions reduced to line and column. */
    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return PARSER_SOURCE.matcher(nl < 0 ? s : s.substring(0, nl)).replaceAll("line $1, column $2");
    }

    private static SimpleModule module() {
        SimpleModule module = new SimpleModule("war-room-config");
        module.addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw MismatchedInputException.from(p, Duration.class, "expected " + Durations.EXPECTED
                            + " in quotes, got " + p.getText());
                }
                String text = p.getText();
                try {
                    return Durations.parse(text, "duration");
                } catch (InvalidInputException e) {
                    throw InvalidFormatException.from(p, "expected " + Durations.EXPECTED, text, Duration.class);
                }
            }
        });
        module.addDeserializer(Metric.class, new JsonDeserializer<>() {
            @Override
            public Metric deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                return Metric.byKey(String.valueOf(text)).orElseThrow(() -> InvalidFormatException.from(p,
                        "expected a metric key (" + Metric.knownKeys() + ")", text, Metric.class));
            }
        });
        module.addKeyDeserializer(Metric.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                return Metric.byKey(key).orElseThrow(() -> InvalidFormatException.from(ctxt.getParser(),
                        "expected a metric key" + KEY_MARK + " (" + Metric.knownKeys() + ")", key, Metric.class));
            }
        });
        module.addDeserializer(Comparison.class, new JsonDeserializer<>() {
            @Override
            public Comparison deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                return Comparison.bySymbol(String.valueOf(text)).orElseThrow(() -> InvalidFormatException.from(p,
                        "expected one of \">\", \">=\", \"<\", \"<=\"", text, Comparison.class));
            }
        });
        module.addDeserializer(AlertSeverity.class, new JsonDeserializer<>() {
            @Override
            public AlertSeverity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = String.valueOf(p.getValueAsString());
                for (AlertSeverity s : AlertSeverity.values()) {
                    if (s.name().equals(text.toUpperCase(Locale.ROOT))) {
                        return s;
                    }
                }
                throw InvalidFormatException.from(p, "expected \"warning\" or \"critical\"", text, AlertSeverity.class);
            }
        });
        return module;
    }
}
