package dev.warroom.domain.alert;

import dev.warroom.domain.Card;
import dev.warroom.domain.Priority;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One delivery from the monitoring: an Alertmanager group notification or a single generic alert.
 * Everything the board makes of it is decided here, so the rules are testable without a server.
 *
 * @param source         who sent it, as the timeline names it ("Alertmanager", "alert webhook")
 * @param groupKey       what makes repeats the same incident: Alertmanager's group key, or the generic
 *                       alert's fingerprint
 * @param firing         true while the group (or alert) fires; false when it is resolved
 * @param commonLabels   labels every alert in the group shares
 * @param commonAnnotations annotations every alert in the group shares
 * @param externalUrl    the Alertmanager's own address, or empty
 */
public record AlertNotification(String source, String groupKey, boolean firing, Map<String, String> commonLabels,
                                Map<String, String> commonAnnotations, String externalUrl,
                                List<ReceivedAlert> alerts) {

    public AlertNotification {
        commonLabels = Map.copyOf(commonLabels == null ? Map.of() : commonLabels);
        commonAnnotations = Map.copyOf(commonAnnotations == null ? Map.of() : commonAnnotations);
        externalUrl = externalUrl == null ? "" : externalUrl;
        alerts = List.copyOf(alerts);
    }

    /** CRITICAL when the severity label says critical or page, HIGH for anything else. */
    public Priority priority() {
        String severity = label("severity").toLowerCase(Locale.ROOT).strip();
        return severity.equals("critical") || severity.equals("page") ? Priority.CRITICAL : Priority.HIGH;
    }

    /** The summary annotation, else the alert name, else the group key; fitted to a card title. */
    public String title() {
        String t = annotation("summary");
        if (t.isBlank()) {
            t = label("alertname");
        }
        if (t.isBlank()) {
            t = "Alert " + groupKey;
        }
        t = t.strip().replaceAll("\\s+", " ");
        return t.length() > Card.MAX_TITLE ? t.substring(0, Card.MAX_TITLE - 1) + "…" : t;
    }

    /** The card description: what the alert says, its labels, and where to look (runbook, graph). */
    public String description() {
        StringBuilder sb = new StringBuilder();
        String description = annotation("description");
        if (!description.isBlank()) {
            sb.append(description.strip()).append("\n\n");
        }
        sb.append("From ").append(source).append(firing ? " (firing)" : " (resolved)").append('\n');
        sb.append("Labels:");
        labels().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        sb.append('\n');
        for (String url : urls()) {
            sb.append(url).append('\n');
        }
        String text = sb.toString().strip();
        return text.length() > Card.MAX_DESCRIPTION ? text.substring(0, Card.MAX_DESCRIPTION - 1) + "…" : text;
    }

    /** Runbook links first, then the generator (graph) links and the Alertmanager, without repeats. */
    public List<String> urls() {
        Set<String> out = new LinkedHashSet<>();
        String runbook = annotation("runbook_url");
        if (!runbook.isBlank()) {
            out.add("Runbook: " + runbook.strip());
        }
        for (ReceivedAlert a : alerts) {
            String r = a.annotations().getOrDefault("runbook_url", "");
            if (!r.isBlank()) {
                out.add("Runbook: " + r.strip());
            }
        }
        for (ReceivedAlert a : alerts) {
            if (!a.generatorUrl().isBlank()) {
                out.add("Graph: " + a.generatorUrl());
            }
        }
        if (!externalUrl.isBlank()) {
            out.add("Alertmanager: " + externalUrl);
        }
        return new ArrayList<>(out);
    }

    /** The common labels, or the first alert's when the sender gave none, in name order. */
    public Map<String, String> labels() {
        if (!commonLabels.isEmpty() || alerts.isEmpty()) {
            return new TreeMap<>(commonLabels);
        }
        return alerts.get(0).sortedLabels();
    }

    private String label(String name) {
        String v = commonLabels.get(name);
        if (v == null && !alerts.isEmpty()) {
            v = alerts.get(0).labels().get(name);
        }
        return v == null ? "" : v;
    }

    private String annotation(String name) {
        String v = commonAnnotations.get(name);
        if (v == null && !alerts.isEmpty()) {
            v = alerts.get(0).annotations().get(name);
        }
        return v == null ? "" : v;
    }
}
