package dev.warroom.domain.metric;

import java.time.Instant;
import java.util.Objects;

/** One observed value of a metric at an instant (UTC). */
public record MetricSample(Metric metric, Instant at, double value) {

    public MetricSample {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(at, "at");
    }
}
