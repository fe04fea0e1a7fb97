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

    /** No metric sources at all: every figure is missing. */
    static LiveFigures none() {
        return metric -> Optional.empty();
    }
}
