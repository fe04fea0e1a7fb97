package dev.warroom.metrics;

import dev.warroom.domain.metric.Band;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.Trend;
import java.time.Instant;

/**
 * What one tile shows: the last good value of a metric from one source, how fresh it is, why
 * not (problem), its KPI band and trend.
 *
 * @param value    last accepted value, NaN when there is none
 * @param at       time of that value (sample time), null when none
 * @param problem  why the value is missing, stale or doubtful ("source down: ...", or for a fresh value a
 *                 unit warning such as "uptime 0.999 — a fraction? multiply by 100"), null when all is well
 * @param rejected values refused as outside the metric's sane range, since start
 */
public record MetricReading(Metric metric, String source, double value, Instant at, Freshness freshness,
                            String problem, long rejected, Band band, Trend trend) {
}
