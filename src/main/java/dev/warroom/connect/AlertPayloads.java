package dev.warroom.connect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.domain.alert.AlertNotification;
import dev.warroom.domain.alert.ReceivedAlert;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the two alert payloads the receiver accepts, strictly: Alertmanager's webhook (version 4) and
 * War Room's small generic alert. Anything else is refused with a reason that names the field.
 *
 * <p>Generic alert: {@code {"title": "...", "status": "firing"|"resolved", "severity": "critical",
 * "fingerprint": "...", "labels": {...}, "description": "...", "url": "..."}}; {@code title} is required,
 * {@code fingerprint} defaults to the title and labels.
 */
public final class AlertPayloads {
    public static final int MAX_ALERTS = 1000;
    public static final int MAX_LABELS = 64;
    public static final int MAX_NAME = 100;
    public static final int MAX_VALUE = 2000;
    public static final int MAX_NESTING = 16;
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern MARKUP = Pattern.compile("<\\s*[A-Za-z/!?]|&#?[A-Za-z0-9]+;");

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                    .maxStringLength(64 * 1024).maxNumberLength(40).build())
            .build());

    private AlertPayloads() {
    }

    /** Alertmanager's webhook payload, version 4. */
    public static AlertNotification alertmanager(byte[] body) {
        JsonNode root = parse(body);
        String version = text(root, "version", true);
        if (!"4".equals(version)) {
            throw bad("version: expected \"4\" (Alertmanager webhook payload version 4), got \"" + version + "\"");
        }
        String groupKey = text(root, "groupKey", true);
        if (groupKey.isBlank()) {
            throw bad("groupKey: must not be empty");
        }
        boolean firing = status(root, "status");
        Map<String, String> commonLabels = labels(root, "commonLabels", true);
        Map<String, String> commonAnnotations = labels(root, "commonAnnotations", false);
        labels(root, "groupLabels", true);
        String externalUrl = url(root, "externalURL");
        JsonNode alerts = root.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw bad("alerts: expected an array of alerts");
        }
        if (alerts.isEmpty() || alerts.size() > MAX_ALERTS) {
            throw bad("alerts: expected 1 to " + MAX_ALERTS + " alerts, got " + alerts.size());
        }
        List<ReceivedAlert> list = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            JsonNode a = alerts.get(i);
            String at = "alerts[" + i + "]";
            if (!a.isObject()) {
                throw bad(at + ": expected an object");
            }
            list.add(new ReceivedAlert(status(a, at + ".status"), labels(a, "labels", true, at),
                    labels(a, "annotations", false, at), instant(a, "startsAt", at), url(a, "generatorURL", at),
                    optionalText(a, "fingerprint", at)));
        }
        return new AlertNotification("Alertmanager", groupKey, firing, commonLabels, commonAnnotations, externalUrl,
                list);
    }

    /** The generic alert: one alert, identified by its fingerprint. */
    public static AlertNotification generic(byte[] body) {
        JsonNode root = parse(body);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("title", "status", "severity", "fingerprint", "labels", "description", "url").contains(f)) {
                throw bad(f + ": unknown field; known fields: title, status, severity, fingerprint, labels, "
                        + "description, url");
            }
        }
        String title = text(root, "title", true).strip();
        if (title.isEmpty()) {
            throw bad("title: must not be empty");
        }
        checkValue("title", title);
        boolean firing = !root.has("status") || status(root, "status");
        Map<String, String> labels = new TreeMap<>(labels(root, "labels", false));
        String severity = optionalText(root, "severity", "");
        if (!severity.isEmpty()) {
            checkValue("severity", severity);
            labels.put("severity", severity);
        }
        labels.putIfAbsent("alertname", title.length() > MAX_NAME ? title.substring(0, MAX_NAME) : title);
        String description = optionalText(root, "description", "");
        checkValue("description", description);
        String url = url(root, "url");
        String fingerprint = optionalText(root, "fingerprint", "");
        if (fingerprint.isEmpty()) {
            fingerprint = title + " " + labels;
        } else {
            checkValue("fingerprint", fingerprint);
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", title);
        if (!description.isEmpty()) {
            annotations.put("description", description);
        }
        ReceivedAlert alert = new ReceivedAlert(firing, labels, annotations, null, url, fingerprint);
        return new AlertNotification("alert webhook", fingerprint, firing, labels, annotations, "", List.of(alert));
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw bad("expected a JSON object { ... }");
            }
            return root;
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage();
            if (m != null && m.contains("nesting depth")) {
                throw bad("nested deeper than " + MAX_NESTING + " levels");
            }
            throw bad("not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + firstLine(m));
        } catch (java.io.IOException e) {
            throw bad("cannot be read: " + e.getMessage());
        }
    }

    private static boolean status(JsonNode node, String path) {
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw bad(path + ": expected \"firing\" or \"resolved\"");
        }
        return switch (v.textValue()) {
            case "firing" -> true;
            case "resolved" -> false;
            default -> throw bad(path + ": expected \"firing\" or \"resolved\", got \"" + clip(v.textValue()) + "\"");
        };
    }

    private static Map<String, String> labels(JsonNode node, String field, boolean required) {
        return labels(node, field, required, "");
    }

    private static Map<String, String> labels(JsonNode node, String field, boolean required, String at) {
        String path = at.isEmpty() ? field : at + "." + field;
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw bad(path + ": expected an object of text labels");
            }
            return Map.of();
        }
        if (!v.isObject()) {
            throw bad(path + ": expected an object of text labels, got " + v.getNodeType().name().toLowerCase());
        }
        if (v.size() > MAX_LABELS) {
            throw bad(path + ": more than " + MAX_LABELS + " entries");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (name.length() > MAX_NAME || !LABEL_NAME.matcher(name).matches()) {
                throw bad(path + ": \"" + clip(name) + "\" is not a label name (letters, digits and _)");
            }
            if (!e.getValue().isTextual()) {
                throw bad(path + "." + name + ": expected a text value, got "
                        + e.getValue().getNodeType().name().toLowerCase());
            }
            String value = e.getValue().textValue();
            checkValue(path + "." + name, value);
            out.put(name, value);
        }
        return out;
    }

    private static void checkValue(String path, String value) {
        if (value.length() > MAX_VALUE) {
            throw bad(path + ": longer than " + MAX_VALUE + " characters");
        }
        if (MARKUP.matcher(value).find()) {
            throw bad(path + ": contains HTML markup; alerts are plain text");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f) {
                throw bad(path + ": contains a control character (code " + (int) c + ")");
            }
        }
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw bad(field + ": missing");
            }
            return "";
        }
        if (!v.isTextual()) {
            throw bad(field + ": expected a text value, got " + v.getNodeType().name().toLowerCase());
        }
        if (v.textValue().length() > MAX_VALUE) {
            throw bad(field + ": longer than " + MAX_VALUE + " characters");
        }
        return v.textValue();
    }

    private static String optionalText(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        String path = at.isEmpty() ? field : at + "." + field;
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw bad(path + ": expected a text value, got " + v.getNodeType().name().toLowerCase());
        }
        checkValue(path, v.textValue());
        return v.textValue();
    }

    private static String url(JsonNode node, String field) {
        return url(node, field, "");
    }

    private static String url(JsonNode node, String field, String at) {
        String u = optionalText(node, field, at);
        if (!u.isEmpty() && !u.startsWith("http://") && !u.startsWith("https://")) {
            throw bad((at.isEmpty() ? field : at + "." + field) + ": expected an http:// or https:// address");
        }
        return u;
    }

    private static Instant instant(JsonNode node, String field, String at) {
        String t = optionalText(node, field, at);
        if (t.isEmpty()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(at + "." + field + ": expected an RFC 3339 time such as 2026-12-01T14:32:00Z");
        }
    }

    private static PayloadException bad(String reason) {
        return new PayloadException(400, reason);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static String firstLine(String m) {
        return m == null ? "" : m.lines().findFirst().orElse(m);
    }
}
