package dev.warroom.metrics;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.warroom.domain.metric.AlertSeverity;
import dev.warroom.domain.metric.Comparison;
import dev.warroom.domain.metric.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Strict Jackson reading of configuration files: unknown fields, wrong types, trailing
 * content and duplicate keys are refused; every failure becomes a {@link ConfigException}
 * naming the file, the JSON path and what was expected.
 */
final class ConfigJson {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing (?:required )?creator property '([^']+)'");
    private static final String KEY_MARK = " as a field name";
    private static final String DURATION_EXPECTED =
            "expected a duration such as \"500ms\", \"5s\", \"2m\", \"1h\" or \"PT5S\"";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(module())
            .build();

    private ConfigJson() {
    }

    /** Reads {@code type}; with {@code allFieldsRequired} a missing field is an error instead of null. */
    static <T> T read(InputStream in, String file, Class<T> type, boolean allFieldsRequired) throws ConfigException {
        ObjectReader reader = MAPPER.readerFor(type);
        if (allFieldsRequired) {
            reader = reader.with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        }
        try {
            T value = reader.readValue(in);
            if (value == null) {
                throw new ConfigException(file, "", "expected a JSON object, found an empty document");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw translate(file, e);
        } catch (IOException e) {
            throw new ConfigException(file, "", "cannot be read: " + e.getMessage());
        }
    }

    static ConfigException translate(String file, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? -1 : location.getLineNr();
        int column = location == null ? -1 : location.getColumnNr();
        if (e instanceof JsonParseException) {
            return new ConfigException(file, "", "malformed JSON: " + firstLine(e.getOriginalMessage()), line, column);
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return new ConfigException(file, "", firstLine(e.getOriginalMessage()), line, column);
        }
        String path = path(mapping.getPath());
        String problem;
        if (e.getCause() instanceof JsonParseException parse) {
            problem = "malformed JSON: " + firstLine(parse.getOriginalMessage());
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            problem = "unknown field; expected one of " + quoted(unknown.getKnownPropertyIds());
        } else if (e instanceof InvalidTypeIdException typeId) {
            path = path.isEmpty() ? "kind" : path + ".kind";
            problem = typeId.getTypeId() == null
                    ? "missing \"kind\"; expected one of \"simulator\", \"prometheus\", \"json\", \"file\""
                    : "unknown kind \"" + typeId.getTypeId()
                    + "\"; expected one of \"simulator\", \"prometheus\", \"json\", \"file\"";
        } else if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            problem = "invalid: " + cause.getMessage();
        } else if (e instanceof InvalidFormatException format && format.getOriginalMessage().startsWith("expected")
                && !format.getOriginalMessage().contains(KEY_MARK)) {
            problem = format.getOriginalMessage() + ", got \"" + format.getValue() + "\"";
        } else if (e instanceof MismatchedInputException mismatch) {
            Matcher missing = MISSING_PROPERTY.matcher(mismatch.getOriginalMessage());
            if (missing.find()) {
                if (!path.endsWith(missing.group(1))) {
                    path = path.isEmpty() ? missing.group(1) : path + "." + missing.group(1);
                }
                problem = "missing; this field is required";
            } else if (mismatch.getOriginalMessage().startsWith("Cannot map `null`")) {
                problem = "missing or null; expected " + describe(mismatch.getTargetType());
            } else if (mismatch.getOriginalMessage().contains(KEY_MARK)) {
                path = path + "." + ((InvalidFormatException) mismatch).getValue();
                problem = mismatch.getOriginalMessage().replace(KEY_MARK, "");
            } else if (mismatch.getOriginalMessage().startsWith("expected")) {
                problem = mismatch.getOriginalMessage();
            } else {
                problem = "expected " + describe(mismatch.getTargetType());
            }
        } else {
            problem = firstLine(e.getOriginalMessage());
        }
        return new ConfigException(file, path, problem, line, column);
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

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == long.class || type == int.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == Duration.class) {
            return DURATION_EXPECTED.substring("expected ".length());
        }
        if (type == Metric.class) {
            return "a metric key";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private static String quoted(Collection<Object> names) {
        return names.stream().map(n -> "\"" + n + "\"").sorted().collect(Collectors.joining(", "));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static Optional<Duration> parseDuration(String text) {
        String t = text.strip();
        Matcher m = SIMPLE_DURATION.matcher(t);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            double millis = switch (m.group(2)) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                default -> amount * 3_600_000;
            };
            return Optional.of(Duration.ofMillis(Math.round(millis)));
        }
        try {
            return Optional.of(Duration.parse(t));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static SimpleModule module() {
        SimpleModule module = new SimpleModule("war-room-config");
        module.addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw MismatchedInputException.from(p, Duration.class, DURATION_EXPECTED
                            + ", got " + p.getText());
                }
                String text = p.getText();
                return parseDuration(text).orElseThrow(() ->
                        InvalidFormatException.from(p, DURATION_EXPECTED, text, Duration.class));
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
