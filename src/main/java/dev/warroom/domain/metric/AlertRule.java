package dev.warroom.domain.metric;

import java.time.Duration;
import java.util.Objects;

/**
 * "metric comparison threshold, sustained for a duration": e.g. error rate &gt; 5 % for 5 min.
 *
 * @param id              stable identifier, used in the timeline
 * @param name            what the commander reads in the alert list
 * @param sustainedFor    how long the condition must hold before firing; zero fires at once
 * @param suggestedAction what to do about it, in words
 */
public record AlertRule(String id, String name, Metric metric, Comparison comparison, double threshold,
                        Duration sustainedFor, AlertSeverity severity, String suggestedAction) {

    /** The shortest calm time after a resolution. */
    public static final Duration MIN_CALM = Duration.ofMinutes(1);

    public AlertRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(sustainedFor, "sustainedFor");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(suggestedAction, "suggestedAction");
        if (id.isBlank()) {
            throw new IllegalArgumentException("alert rule id is blank");
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("alert rule " + id + ": threshold must be a finite number");
        }
        if (sustainedFor.isNegative()) {
            throw new IllegalArgumentException("alert rule " + id + ": sustainedFor is negative");
        }
    }

    /**
     * After resolving, how long before this alert may fire again: its sustained time, at least
     * {@link #MIN_CALM}. A value hovering at the threshold would otherwise fire and resolve every few
     * seconds and bury the record.
     */
    public Duration calmFor() {
        return sustainedFor.compareTo(MIN_CALM) > 0 ? sustainedFor : MIN_CALM;
    }

    public boolean conditionHolds(double value) {
        return comparison.holds(value, threshold);
    }

    /** E.g. "Error rate > 5 % for 5m", or "… at once" when nothing needs to be sustained. */
    public String condition() {
        String value = threshold == Math.rint(threshold) ? String.valueOf((long) threshold) : String.valueOf(threshold);
        String unit = metric.unit().isEmpty() ? "" : " " + metric.unit();
        String hold = sustainedFor.isZero() ? " at once" : " for " + dev.warroom.domain.Durations.format(sustainedFor);
        return metric.label() + " " + comparison.symbol() + " " + value + unit + hold;
    }
}
