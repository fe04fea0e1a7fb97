package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.AlertState;
import dev.warroom.domain.metric.AlertTransition;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static final String ONE_SIMULATOR = "{\"sources\": [{\"name\": \"sim\", \"kind\": \"simulator\", "
            + "\"scenario\": \"viral-surge\"}]}";

    @Test
    void aBrokenAlertRulesFileLeavesTheSourcesRunningAndSaysWhy(@TempDir Path dir) throws Exception {
        Path metrics = Files.writeString(dir.resolve("metrics.json"), ONE_SIMULATOR);
        Path rules = Files.writeString(dir.resolve("rules.json"), "{\"rules\": [ {\"id\": \"x\"} ]}");
        TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
        try (LiveMetrics live = LiveMetrics.open(metrics, rules, clock)) {
            assertTrue(live.poller().pollNow("sim").ok(), "the source keeps running");
            assertEquals(1, live.problems().size(), live.problems().toString());
            assertTrue(live.problems().get(0).contains("No alert rules are active")
                    && live.problems().get(0).contains(rules.toString())
                    && live.problems().get(0).contains("rules[0]"), live.problems().toString());
        }
    }

    @Test
    void twoBrokenFilesShowBothErrors(@TempDir Path dir) throws Exception {
        Path metrics = Files.writeString(dir.resolve("metrics.json"), "{\"sources\": [}");
        Path rules = Files.writeString(dir.resolve("rules.json"), "{\"rules\": [], \"rulez\": []}");
        TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
        try (LiveMetrics live = LiveMetrics.open(metrics, rules, clock)) {
            assertEquals(2, live.problems().size(), live.problems().toString());
            assertTrue(live.problems().get(0).contains(metrics.toString()), live.problems().toString());
            assertFalse(live.problems().get(0).contains("Source: "), "no parser internals: " + live.problems());
            assertTrue(live.problems().get(1).contains(rules.toString()) && live.problems().get(1).contains("rulez"),
                    live.problems().toString());
            assertTrue(live.config().sources().isEmpty(), "a broken metrics file never falls back to the simulator");
        }
    }

    @Test
    void aSourceThatCannotOpenLeavesTheOthersRunning(@TempDir Path dir) throws Exception {
        Path metrics = Files.writeString(dir.resolve("metrics.json"), "{\"sources\": ["
                + "{\"name\": \"lost\", \"kind\": \"simulator\", \"scenario\": \"no-such-scenario.json\"},"
                + "{\"name\": \"sim\", \"kind\": \"simulator\", \"scenario\": \"viral-surge\"}]}");
        TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
        try (LiveMetrics live = LiveMetrics.open(metrics, null, clock)) {
            assertTrue(live.poller().pollNow("sim").ok());
            assertEquals(1, live.problems().size(), live.problems().toString());
            assertTrue(live.problems().get(0).contains("\"lost\"") && live.problems().get(0).contains("no-such-scenario"),
                    live.problems().toString());
        }
    }

    @Test
    void theBaselineInUseIsReported(@TempDir Path dir) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
        try (LiveMetrics live = LiveMetrics.open(Files.writeString(dir.resolve("m.json"), ONE_SIMULATOR), null, clock)) {
            assertFalse(live.config().trafficBaselineGiven());
            assertTrue(live.config().trafficBaselineNote().contains("100 req/s (built-in default"),
                    live.config().trafficBaselineNote());
        }
        Path given = Files.writeString(dir.resolve("given.json"),
                "{\"trafficBaseline\": 120, " + ONE_SIMULATOR.substring(1));
        try (LiveMetrics live = LiveMetrics.open(given, null, clock)) {
            assertTrue(live.config().trafficBaselineGiven());
            assertEquals("Traffic 1x = 120 req/s (trafficBaseline in the metrics file)",
                    live.config().trafficBaselineNote());
        }
    }
}
