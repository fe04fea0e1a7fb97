package dev.warroom.domain.alert;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One alert as the monitoring reported it: firing or resolved, with its labels and annotations.
 *
 * @param startsAt     when it started firing, or null when not given
 * @param generatorUrl the link back to the rule's graph (Prometheus), or empty
 * @param fingerprint  the monitoring's identity for this alert, or empty
 */
public record ReceivedAlert(boolean firing, Map<String, String> labels, Map<String, String> annotations,
                            Instant startsAt, String generatorUrl, String fingerprint) {

    public ReceivedAlert {
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        annotations = Map.copyOf(annotations == null ? Map.of() : annotations);
        generatorUrl = generatorUrl == null ? "" : generatorUrl;
        fingerprint = fingerprint == null ? "" : fingerprint;
    }

    /** Labels in name order, for stable text. */
    public Map<String, String> sortedLabels() {
        return new TreeMap<>(labels);
    }

    public String name() {
        return labels.getOrDefault("alertname", "");
    }
}
