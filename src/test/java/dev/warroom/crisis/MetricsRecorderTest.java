package dev.warroom.crisis;

import dev.warroom.testing.Backend;
import dev.warroom.testing.PostgresExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.AlertRule;
import dev.warroom.domain.metric.AlertSeverity;
import dev.warroom.domain.metric.AlertState;
import dev.warroom.domain.metric.AlertTransition;
import dev.warroom.domain.metric.Comparison;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityChange;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Samples reach the archive in batches; alert and severity changes become timeline events. */
/** Runs on H2 and on PostgreSQL (team mode): the same tests, both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@ExtendWith(PostgresExtension.class)
class MetricsRecorderTest {
    @Parameter
    Backend backend;

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    @TempDir
    Path dir;

    @Test
    void recordsSamplesAndTransitionsAndOffersACrisisOnSurge() {
        MutableClock clock = new MutableClock(T0);
        List<SeverityChange<ScaleSeverity>> offers = new ArrayList<>();
        try (Database db = backend.open(dir, "rec")) {
            MetricsRecorder recorder = new MetricsRecorder(db, clock, offers::add);
            recorder.samplesAccepted("sim", List.of(new MetricSample(Metric.CPU, T0, 71),
                    new MetricSample(Metric.ERROR_RATE, T0, 6.5)));
            AlertRule rule = new AlertRule("high-error-rate", "High error rate", Metric.ERROR_RATE, Comparison.ABOVE,
                    1, Duration.ofMinutes(2), AlertSeverity.CRITICAL, "Page the on-call engineer");
            recorder.alertChanged(new AlertTransition(rule, AlertState.PENDING, AlertState.FIRING, T0, 6.5));
            recorder.scaleChanged(new SeverityChange<>(ScaleSeverity.GROWTH, ScaleSeverity.SURGE, T0, 14));
            recorder.incidentChanged(new SeverityChange<>(IncidentSeverity.NONE, IncidentSeverity.SEV3, T0, 6.5));
            recorder.flush();

            assertEquals(2, db.samples().rowCounts()[0]);
            assertEquals(71, db.samples().valueAt(Metric.CPU, T0.plusSeconds(30), Duration.ofMinutes(1))
                    .orElseThrow().value());
            List<TimelineEvent> events = db.read(tx -> tx.latestEvents(10));
            assertEquals(List.of(EventKind.INCIDENT_SEVERITY_CHANGED, EventKind.SCALE_SEVERITY_CHANGED,
                    EventKind.ALERT_STATE_CHANGED), events.stream().map(TimelineEvent::kind).toList());
            assertTrue(events.get(2).summary().contains("pending → firing"), events.get(2).summary());
            assertTrue(events.get(2).summary().endsWith("(Error rate 6.5 %, threshold > 1 %)"),
                    "the value and the threshold in the metric's unit: " + events.get(2).summary());
            assertTrue(events.get(1).summary().contains("GROWTH → SURGE"), events.get(1).summary());
            assertEquals(1, offers.size(), "escalating to SURGE offers to start a crisis");

            recorder.scaleChanged(new SeverityChange<>(ScaleSeverity.SURGE, ScaleSeverity.GROWTH, T0, 8));
            assertEquals(1, offers.size(), "calming down offers nothing");
            recorder.close();
            assertEquals(4, db.read(tx -> tx.eventCount()).longValue(), "close writes what was still queued");
        }
    }

    @Test
    void pendingTransitionsAreShownLiveButNeverRecorded() {
        MutableClock clock = new MutableClock(T0);
        try (Database db = Database.open(dir.resolve("flap"))) {
            dev.warroom.metrics.MetricsFeed feed = new dev.warroom.metrics.MetricsFeed(clock, 100,
                    Duration.ofMinutes(5), List.of(new AlertRule("high-memory", "Memory high", Metric.MEMORY,
                    Comparison.ABOVE, 85, Duration.ofSeconds(10), AlertSeverity.WARNING, "Scale out")),
                    dev.warroom.config.SeverityTiming.DEFAULT);
            MetricsRecorder recorder = new MetricsRecorder(db, clock, c -> { });
            feed.addListener(recorder);
            java.util.Set<Metric> promised = java.util.Set.of(Metric.MEMORY);
            feed.register("sim", promised, Duration.ofSeconds(2), Duration.ofSeconds(1));
            int shownLive = 0;
            for (int s = 0; s < 240; s += 2) {
                double v = (s / 2) % 3 == 2 ? 84 : 86; // above for 4 s, below for 2 s: pending, never 10 s
                feed.record("sim", promised, dev.warroom.metrics.PollResult.of(
                        List.of(new MetricSample(Metric.MEMORY, clock.instant(), v))), "CLOSED");
                shownLive += feed.drain().alertTransitions().size();
                clock.advance(Duration.ofSeconds(2));
            }
            recorder.flush();
            assertTrue(shownLive >= 70, "pending ↔ inactive shown live: " + shownLive);
            assertEquals(0, db.read(tx -> tx.latestEvents(500)).stream()
                    .filter(e -> e.kind() == EventKind.ALERT_STATE_CHANGED).count(), "nothing fired, nothing recorded");
        }
    }

    @Test
    void aSourceGoingDownAndComingBackIsInTheRecord() {
        MutableClock clock = new MutableClock(T0);
        try (Database db = Database.open(dir.resolve("outage"))) {
            dev.warroom.metrics.MetricsFeed feed = new dev.warroom.metrics.MetricsFeed(clock, 100,
                    Duration.ofMinutes(5), List.of(), dev.warroom.config.SeverityTiming.DEFAULT);
            MetricsRecorder recorder = new MetricsRecorder(db, clock, c -> { });
            feed.addListener(recorder);
            java.util.Set<Metric> promised = java.util.Set.of(Metric.CPU);
            feed.register("prom", promised, Duration.ofSeconds(5), Duration.ofSeconds(2));
            dev.warroom.metrics.PollResult good = dev.warroom.metrics.PollResult.of(
                    List.of(new MetricSample(Metric.CPU, T0, 40)));
            feed.record("prom", promised, good, "CLOSED");
            clock.advance(Duration.ofSeconds(5));
            Instant firstFailure = clock.instant();
            feed.record("prom", promised, dev.warroom.metrics.PollResult.failed("connection refused"), "CLOSED");
            clock.advance(Duration.ofSeconds(5));
            feed.record("prom", promised, dev.warroom.metrics.PollResult.failed("connection refused"), "CLOSED");
            for (int i = 0; i < 15; i++) {
                clock.advance(Duration.ofSeconds(5));
                feed.record("prom", promised, dev.warroom.metrics.PollResult.failed("connection refused"), "OPEN");
            }
            clock.advance(Duration.ofSeconds(4));
            feed.record("prom", promised, dev.warroom.metrics.PollResult.of(
                    List.of(new MetricSample(Metric.CPU, clock.instant(), 41))), "CLOSED");
            clock.advance(Duration.ofSeconds(5));
            feed.record("prom", promised, dev.warroom.metrics.PollResult.of(
                    List.of(new MetricSample(Metric.CPU, clock.instant(), 42))), "CLOSED");
            recorder.flush();

            List<TimelineEvent> outage = db.read(tx -> tx.timeline(T0, T0.plusSeconds(3600), 100)).stream()
                    .filter(e -> e.kind() == EventKind.SOURCE_DOWN || e.kind() == EventKind.SOURCE_BACK).toList();
            assertEquals(List.of(EventKind.SOURCE_DOWN, EventKind.SOURCE_BACK),
                    outage.stream().map(TimelineEvent::kind).toList(), "one down, one back, nothing per poll");
            assertEquals(firstFailure, outage.get(0).at(), "down from the first failed poll");
            assertTrue(outage.get(0).summary().contains("connection refused"), outage.get(0).summary());
            assertTrue(outage.get(1).summary().contains("back after 1m"), outage.get(1).summary());
        }
    }

    /** Team mode: a client that is not the elected recorder writes no sample and no transition (the recorder does). */
    @Test
    void aClientThatIsNotTheRecorderWritesNothing() {
        MutableClock clock = new MutableClock(T0);
        List<SeverityChange<ScaleSeverity>> offers = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean leading = new java.util.concurrent.atomic.AtomicBoolean(false);
        try (Database db = backend.open(dir, "follower")) {
            MetricsRecorder recorder = new MetricsRecorder(db, db.samples(), clock, offers::add, leading::get);
            AlertRule rule = new AlertRule("high-error-rate", "High error rate", Metric.ERROR_RATE, Comparison.ABOVE,
                    1, Duration.ofMinutes(2), AlertSeverity.CRITICAL, "Page the on-call engineer");
            recorder.samplesAccepted("sim", List.of(new MetricSample(Metric.CPU, T0, 71)));
            recorder.alertChanged(new AlertTransition(rule, AlertState.PENDING, AlertState.FIRING, T0, 6.5));
            recorder.scaleChanged(new SeverityChange<>(ScaleSeverity.GROWTH, ScaleSeverity.SURGE, T0, 14));
            recorder.incidentChanged(new SeverityChange<>(IncidentSeverity.NONE, IncidentSeverity.SEV3, T0, 6.5));
            recorder.flush();
            assertEquals(0, db.samples().rowCounts()[0], "no sample from a follower");
            assertEquals(0, db.read(tx -> tx.eventCount()).longValue(), "no transition from a follower");
            assertEquals(1, offers.size(), "a follower still offers to start a crisis on a surge");

            leading.set(true);
            recorder.samplesAccepted("sim", List.of(new MetricSample(Metric.CPU, T0.plusSeconds(1), 72)));
            recorder.scaleChanged(new SeverityChange<>(ScaleSeverity.SURGE, ScaleSeverity.GROWTH, T0, 8));
            recorder.close();
            assertEquals(1, db.samples().rowCounts()[0]);
            assertEquals(1, db.read(tx -> tx.eventCount()).longValue(), "the recorder writes it");
        }
    }
}
