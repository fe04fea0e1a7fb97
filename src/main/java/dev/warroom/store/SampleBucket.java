package dev.warroom.store;

import dev.warroom.domain.metric.Metric;
import java.time.Instant;

/** Samples of one metric folded into one time bucket. */
public record SampleBucket(Metric metric, Instant start, double min, double max, double average, long count) {
}
