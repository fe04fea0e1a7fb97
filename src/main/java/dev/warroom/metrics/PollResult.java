package dev.warroom.metrics;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one poll of a source produced.
 *
 * @param samples        values read this time
 * @param metricProblems why a promised metric has no value this time (e.g. "no value at /a/b")
 * @param notes          non-fatal remarks worth showing in the sources panel (bad CSV rows, truncation)
 * @param failure        why the whole poll failed, or null when it did not
 */
public record PollResult(List<MetricSample> samples, Map<Metric, String> metricProblems, List<String> notes,
                         String failure) {

    public PollResult {
        samples = List.copyOf(samples);
        metricProblems = Map.copyOf(metricProblems);
        notes = List.copyOf(notes);
    }

    public static PollResult of(List<MetricSample> samples) {
        return new PollResult(samples, Map.of(), List.of(), null);
    }

    public static PollResult failed(String reason) {
        return new PollResult(List.of(), Map.of(), List.of(), Objects.requireNonNull(reason));
    }

    public boolean ok() {
        return failure == null;
    }
}
