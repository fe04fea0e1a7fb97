package dev.warroom.metrics;

import dev.warroom.domain.metric.AlertStatus;
import dev.warroom.domain.metric.AlertTransition;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityChange;
import dev.warroom.domain.metric.SeverityStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the UI needs for one pulse, taken by {@link MetricsFeed#drain()}.
 *
 * @param readings       one reading per metric for the tiles (the freshest source wins)
 * @param series         every (source, metric) reading, for the sources panel
 * @param newSamples     accepted samples since the previous drain, oldest first
 * @param droppedSamples samples that did not fit between two drains and were left out of newSamples
 * @param alerts         current state of every alert rule
 * @param scaleStatus    scale severity with its data state and the change building up, for the banner
 * @param incidentStatus incident severity likewise
 */
public record FeedBatch(Instant at, Map<Metric, MetricReading> readings, List<MetricReading> series,
                        List<MetricSample> newSamples, long droppedSamples,
                        List<AlertTransition> alertTransitions,
                        List<SeverityChange<ScaleSeverity>> scaleChanges,
                        List<SeverityChange<IncidentSeverity>> incidentChanges,
                        ScaleSeverity scale, IncidentSeverity incident, List<AlertStatus> alerts,
                        List<SourceHealth> sources, SeverityStatus<ScaleSeverity> scaleStatus,
                        SeverityStatus<IncidentSeverity> incidentStatus) {
}
