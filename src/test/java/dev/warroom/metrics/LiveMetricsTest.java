package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.AlertState;
import dev.warroom.domain.metric.AlertTransition;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped defaults, end to end: simulator through feed, rules and severities, on a fixed clock. */
class LiveMetricsTest {

    @Test
    void theDefaultSimulatorReachesViralAndFiresTheSeedAlerts() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
        List<SeverityChange<ScaleSeverity>> scale = new ArrayList<>();
        List<SeverityChange<IncidentSeverity>> incident = new ArrayList<>();
        List<AlertTransition> alerts = new ArrayList<>();
        try (LiveMetrics live = LiveMetrics.defaults(clock)) {
            live.feed().addListener(new FeedListener() {
                @Override
                public void scaleChanged(SeverityChange<ScaleSeverity> change) {
                    scale.add(change);
                }

                @Override
                public void incidentChanged(SeverityChange<IncidentSeverity> change) {
                    incident.add(change);
                }

                @Override
                public void alertChanged(AlertTransition transition) {
                    alerts.add(transition);
                }
            });
            FeedBatch first = null;
            for (int second = 0; second < 12 * 60; second++) { // 12 real minutes at speed 10 = 120 scenario minutes
                assertTrue(live.poller().pollNow("simulator").ok());
                if (second == 0) {
                    first = live.feed().drain();
                }
                clock.advance(Duration.ofSeconds(1));
            }
            MetricReading traffic = first.readings().get(Metric.TRAFFIC_MULTIPLE);
            assertEquals(1, traffic.value(), 0.1);
            assertEquals(Freshness.FRESH, traffic.freshness());
            assertEquals(13, first.readings().values().stream()
                    .filter(r -> r.freshness() == Freshness.FRESH).count() - 1, "13 simulated metrics + derived traffic");

            FeedBatch later = live.feed().drain();
            assertEquals(List.of(ScaleSeverity.GROWTH, ScaleSeverity.SURGE, ScaleSeverity.VIRAL),
                    scale.stream().map(SeverityChange::to).toList());
            assertTrue(incident.stream().anyMatch(c -> c.to() == IncidentSeverity.SEV2), incident.toString());
            assertTrue(incident.stream().noneMatch(c -> c.to() == IncidentSeverity.SEV1),
                    "the short error storm is not sustained long enough for SEV-1");
            assertTrue(alerts.stream().anyMatch(a -> a.rule().id().equals("surge-error-rate")
                    && a.to() == AlertState.FIRING), "error rate > 5 % for 5 min fires");
            assertTrue(alerts.stream().anyMatch(a -> a.rule().id().equals("db-pool-exhausted")
                    && a.to() == AlertState.FIRING));
            assertEquals(ScaleSeverity.VIRAL, later.scale());
        }
    }
}
