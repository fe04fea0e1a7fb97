package dev.warroom.crisis;

import dev.warroom.domain.metric.Metric;
import java.time.Instant;
import java.util.Optional;

/**
 * The latest trusted value of each dashboard metric, as services need it (comms templates, OKRs,
 * decision suggestions). Backed by the metric feed in the app; a fixed map in tests.
 */
public interface LiveFigures {

    /** A value and when it was measured. */
    record Figure(Metric metric, double value, Instant at) {
    }

    /** The latest value of {@code metric} that is not stale, or empty when there is none. */
    Optional<Figure> latest(Metric metric);

    /**
     * How many events an hourly rate adds up to over [from, to) (e.g. new users from signups/hour),
     * from what was recorded; empty when nothing was.
     */
    default Optional<Double> total(Metric perHour, Instant from, Instant to) {
        return Optional.empty();
    }

    /** The mean of {@code metric} over [from, to) as recorded; empty when nothing was. */
    default Optional<Double> mean(Metric metric, Instant from, Instant to) {
        return Optional.empty();
    }

    /** The worst (highest) minute average of {@code metric} over [from, to); empty when nothing was recorded. */
    default Optional<Double> peak(Metric metric, Instant from, Instant to) {
        return Optional.empty();
    }

    /** No metric sources at all: every figure is missing. */
    static LiveFigures none() {
        return metric -> Optional.empty();
    }
}
