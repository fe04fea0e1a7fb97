package dev.warroom.metrics;

import dev.warroom.config.SeverityTiming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.AlertRule;
import dev.warroom.domain.metric.AlertSeverity;
import dev.warroom.domain.metric.AlertState;
import dev.warroom.domain.metric.AlertTransition;
import dev.warroom.domain.metric.Band;
import dev.warroom.domain.metric.Comparison;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityChange;
import dev.warroom.domain.metric.SeverityStatus;
import dev.warroom.domain.metric.SignalState;
import dev.warroom.domain.metric.Trend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MetricsFeedTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final AlertRule ERRORS = new AlertRule("errors", "Errors", Metric.ERROR_RATE, Comparison.ABOVE, 5,
            Duration.ofSeconds(10), AlertSeverity.CRITICAL, "Page");
    private final TestClock clock = new TestClock(T0);
    private final MetricsFeed feed = new MetricsFeed(clock, 100, Duration.ofMinutes(5), List.of(ERRORS),
            new SeverityTiming(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(10),
                    Duration.ofSeconds(60)));

    private PollResult values(double rps, double errorRate) {
        return PollResult.of(List.of(new MetricSample(Metric.REQUESTS_PER_SECOND, clock.instant(), rps),
                new MetricSample(Metric.ERROR_RATE, clock.instant(), errorRate)));
    }

    private static final Set<Metric> PROMISED = Set.of(Metric.REQUESTS_PER_SECOND, Metric.ERROR_RATE);

    @Test
    void tilesGetValuesBandsAndTheDerivedTrafficMultiple() {
        feed.register("sim", PROMISED, Duration.ofSeconds(1), Duration.ofSeconds(1));
        FeedBatch empty = feed.drain();
        assertEquals(Freshness.NO_DATA, empty.readings().get(Metric.ERROR_RATE).freshness());
        assertEquals(Freshness.NO_DATA, empty.readings().get(Metric.TRAFFIC_MULTIPLE).freshness());

        feed.record("sim", PROMISED, values(1200, 3), "CLOSED");
        FeedBatch batch = feed.drain();
        MetricReading traffic = batch.readings().get(Metric.TRAFFIC_MULTIPLE);
        assertEquals(12, traffic.value());
        assertEquals(Freshness.FRESH, traffic.freshness());
        MetricReading errors = batch.readings().get(Metric.ERROR_RATE);
        assertEquals(Band.WARN, errors.band());
        assertNull(errors.problem());
        assertEquals(3, batch.newSamples().size(), "rps, derived multiple, error rate");
        assertEquals(List.of(), feed.drain().newSamples(), "drained once");
    }

    @Test
    void failedPollsMakeTilesStaleAfterTheSecondAndKeepTheLastValue() {
        feed.register("sim", PROMISED, Duration.ofSeconds(1), Duration.ofSeconds(1));
        feed.record("sim", PROMISED, values(100, 0.5), "CLOSED");
        clock.advance(Duration.ofSeconds(1));
        feed.record("sim", PROMISED, PollResult.failed("connection refused by 127.0.0.1:9"), "CLOSED");
        MetricReading once = feed.drain().readings().get(Metric.ERROR_RATE);
        assertEquals(Freshness.FRESH, once.freshness());
        assertEquals("source down: connection refused by 127.0.0.1:9", once.problem());

        clock.advance(Duration.ofSeconds(1));
        feed.record("sim", PROMISED, PollResult.failed("connection refused by 127.0.0.1:9"), "OPEN");
        FeedBatch batch = feed.drain();
        MetricReading twice = batch.readings().get(Metric.ERROR_RATE);
        assertEquals(Freshness.STALE, twice.freshness());
        assertEquals(0.5, twice.value());
        assertEquals("source down: connection refused by 127.0.0.1:9", twice.problem());
        assertEquals(Freshness.STALE, batch.readings().get(Metric.TRAFFIC_MULTIPLE).freshness());
        SourceHealth health = batch.sources().get(0);
        assertEquals(SourceHealth.State.DOWN, health.state());
        assertEquals("OPEN", health.circuit());

        clock.advance(Duration.ofSeconds(1));
        feed.record("sim", PROMISED, values(100, 0.6), "HALF_OPEN");
        assertEquals(Freshness.FRESH, feed.drain().readings().get(Metric.ERROR_RATE).freshness());
    }

    @Test
    void aHugeFailureTextIsBoundedOnTheTileAndKeptReadableForTheSourcesPanel() {
        feed.register("prom", PROMISED, Duration.ofSeconds(1), Duration.ofSeconds(1));
        feed.record("prom", PROMISED, values(100, 0.5), "CLOSED");
        String flood = "query failed: \u202Eevil\n" + "\uD83D\uDE80 boom ".repeat(150_000);
        feed.record("prom", PROMISED, PollResult.failed(flood), "CLOSED");
        feed.record("prom", PROMISED, PollResult.failed(flood), "CLOSED");
        FeedBatch batch = feed.drain();
        String tile = batch.readings().get(Metric.ERROR_RATE).problem();
        assertTrue(tile.length() <= SourceHealth.BRIEF, "tile text is " + tile.length() + " characters");
        assertTrue(tile.startsWith("source down: query failed: ⟦U+202E⟧evil \uD83D\uDE80 boom"), tile);
        assertTrue(tile.endsWith("…") && !Character.isHighSurrogate(tile.charAt(tile.length() - 2)), tile);
        SourceHealth health = batch.sources().get(0);
        assertTrue(health.failureSummary().length() <= SourceHealth.BRIEF);
        assertTrue(health.failureCut());
        assertTrue(health.lastFailure().startsWith("query failed: ⟦U+202E⟧evil\n\uD83D\uDE80 boom"));
        assertTrue(health.lastFailure().length() > 10_000 && health.lastFailure().length() < SourceHealth.FULL + 100,
                "kept " + health.lastFailure().length());
        assertTrue(health.lastFailure().endsWith(" more characters not kept)"), health.lastFailure());

        PollResult partial = new PollResult(List.of(new MetricSample(Metric.REQUESTS_PER_SECOND, T0, 100)),
                Map.of(Metric.ERROR_RATE, "x".repeat(5000)), List.of("y".repeat(5000)), null);
        feed.record("prom", PROMISED, partial, "CLOSED");
        feed.record("prom", PROMISED, partial, "CLOSED");
        FeedBatch later = feed.drain();
        assertTrue(later.readings().get(Metric.ERROR_RATE).problem().length() <= SourceHealth.BRIEF);
        assertTrue(later.sources().get(0).notes().stream().allMatch(n -> n.length() <= SourceHealth.BRIEF));
    }

    @Test
    void aMetricMissingFromTwoPollsGoesStaleWithItsOwnReason() {
        feed.register("p", PROMISED, Duration.ofSeconds(5), Duration.ofSeconds(2));
        feed.record("p", PROMISED, values(100, 1), "CLOSED");
        PollResult partial = new PollResult(List.of(new MetricSample(Metric.REQUESTS_PER_SECOND, T0, 100)),
                Map.of(Metric.ERROR_RATE, "query returned no series (empty vector)"), List.of(), null);
        feed.record("p", PROMISED, partial, "CLOSED");
        feed.record("p", PROMISED, partial, "CLOSED");
        FeedBatch batch = feed.drain();
        assertEquals(Freshness.STALE, batch.readings().get(Metric.ERROR_RATE).freshness());
        assertEquals("query returned no series (empty vector)", batch.readings().get(Metric.ERROR_RATE).problem());
        assertEquals(Freshness.FRESH, batch.readings().get(Metric.REQUESTS_PER_SECOND).freshness());
    }

    @Test
    void silenceAndStoppingMakeTilesStale() {
        feed.register("sim", PROMISED, Duration.ofSeconds(1), Duration.ofSeconds(1));
        feed.record("sim", PROMISED, values(100, 1), "CLOSED");
        clock.advance(Duration.ofSeconds(3));
        assertEquals(Freshness.FRESH, feed.drain().readings().get(Metric.ERROR_RATE).freshness());
        clock.advance(Duration.ofMillis(1));
        MetricReading silent = feed.drain().readings().get(Metric.ERROR_RATE);
        assertEquals(Freshness.STALE, silent.freshness());
        assertEquals("no new data for 3 s", silent.problem());

        feed.record("sim", PROMISED, values(100, 1), "CLOSED");
        feed.stopped("sim", true);
        MetricReading stopped = feed.drain().readings().get(Metric.ERROR_RATE);
        assertEquals(Freshness.STALE, stopped.freshness());
        assertEquals("source stopped", stopped.problem());
    }

    @Test
    void outOfRangeValuesAreRejectedAndCounted() {
        feed.register("sim", PROMISED, Duration.ofSeconds(1), Duration.ofSeconds(1));
        feed.record("sim", PROMISED, values(100, 2), "CLOSED");
        feed.record("sim", PROMISED, values(100, 140), "CLOSED");
        feed.record("sim", PROMISED, values(-5, Double.NaN), "CLOSED");
        FeedBatch batch = feed.drain();
        MetricReading errors = batch.readings().get(Metric.ERROR_RATE);
        assertEquals(2, errors.value());
        assertEquals(2, errors.rejected());
        assertEquals(Freshness.STALE, errors.freshness());
        assertEquals("rejected NaN %: outside the sane range 0–100", errors.problem());
        assertEquals(1, batch.readings().get(Metric.REQUESTS_PER_SECOND).rejected());
        assertTrue(batch.newSamples().stream().allMatch(s -> s.metric().range().contains(s.value())));
    }

    @Test
    void rulesAndSeveritiesRunOnEverySampleAndListenersHearOncePerDrain() {
        List<AlertTransition> heard = new ArrayList<>();
        List<SeverityChange<ScaleSeverity>> scales = new ArrayList<>();
        List<SeverityChange<IncidentSeverity>> incidents = new ArrayList<>();
        AtomicInteger ready = new AtomicInteger();
        List<MetricSample> stored = new ArrayList<>();
        feed.addListener(new FeedListener() {
            @Override
            public void dataReady() {
                ready.incrementAndGet();
            }

            @Override
            public void samplesAccepted(String source, List<MetricSample> samples) {
                stored.addAll(samples);
            }

            @Override
            public void alertChanged(AlertTransition t) {
                heard.add(t);
            }

            @Override
            public void scaleChanged(SeverityChange<ScaleSeverity> change) {
                scales.add(change);
            }

            @Override
            public void incidentChanged(SeverityChange<IncidentSeverity> change) {
                incidents.add(change);
            }
        });
        feed.register("sim", PROMISED, Duration.ofSeconds(1), Duration.ofSeconds(1));
        for (int second = 0; second <= 30; second++) {
            feed.record("sim", PROMISED, values(6000, 12), "CLOSED");
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(1, ready.get(), "coalesced until drained");
        FeedBatch batch = feed.drain();
        assertEquals(List.of(AlertState.PENDING, AlertState.FIRING), heard.stream().map(AlertTransition::to).toList());
        assertEquals(T0.plusSeconds(10), heard.get(1).at());
        assertEquals(heard, batch.alertTransitions());
        assertEquals(ScaleSeverity.VIRAL, batch.scale());
        assertEquals(IncidentSeverity.SEV2, batch.incident());
        assertEquals(1, scales.size());
        assertEquals(T0.plusSeconds(30), scales.get(0).at());
        assertEquals(T0.plusSeconds(10), incidents.get(0).at());
        assertEquals(batch.scaleChanges(), scales);
        assertEquals(93, stored.size());
        assertEquals(Trend.Direction.FLAT, batch.readings().get(Metric.ERROR_RATE).trend().direction());

        feed.record("sim", PROMISED, values(6000, 12), "CLOSED");
        assertEquals(2, ready.get(), "signalled again after the drain");
    }

    @Test
    void theFreshestSourceWinsTheTileAndRecentFeedsTheSparkline() {
        feed.register("a", Set.of(Metric.CPU), Duration.ofSeconds(1), Duration.ofSeconds(1));
        feed.register("b", Set.of(Metric.CPU), Duration.ofSeconds(1), Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) {
            feed.record("a", Set.of(Metric.CPU), PollResult.of(List.of(new MetricSample(Metric.CPU, clock.instant(), 10 + i))),
                    "CLOSED");
            clock.advance(Duration.ofSeconds(1));
        }
        feed.record("b", Set.of(Metric.CPU), PollResult.failed("down"), "CLOSED");
        feed.record("b", Set.of(Metric.CPU), PollResult.failed("down"), "CLOSED");
        MetricReading tile = feed.drain().readings().get(Metric.CPU);
        assertEquals("a", tile.source());
        assertEquals(14, tile.value());
        assertEquals(Trend.Direction.UP, tile.trend().direction());
        assertEquals(Trend.Meaning.BAD, tile.trend().meaning());
        RecentSeries recent = feed.recent(Metric.CPU, Duration.ofSeconds(2));
        assertEquals(2, recent.size());
        assertEquals(14, recent.values()[1]);
    }

    @Test
    void theSeverityStatusSaysNoDataStaleAndWhatIsBuildingUp() {
        feed.register("sim", PROMISED, Duration.ofSeconds(1), Duration.ofSeconds(1));
        FeedBatch empty = feed.drain();
        assertEquals(SignalState.NO_DATA, empty.scaleStatus().signal());
        assertEquals(SignalState.NO_DATA, empty.incidentStatus().signal());

        feed.record("sim", PROMISED, values(2400, 13.8), "CLOSED");
        clock.advance(Duration.ofSeconds(5));
        feed.record("sim", PROMISED, values(2400, 13.8), "CLOSED");
        FeedBatch building = feed.drain();
        SeverityStatus<ScaleSeverity> scale = building.scaleStatus();
        assertEquals(SignalState.FRESH, scale.signal());
        assertEquals(ScaleSeverity.NORMAL, scale.level());
        assertEquals(ScaleSeverity.SURGE, scale.pending().to());
        assertEquals(Duration.ofSeconds(25), scale.pending().remaining(building.at()));
        assertEquals(24.0, scale.value());
        assertEquals(IncidentSeverity.SEV2, building.incidentStatus().pending().to());

        clock.advance(Duration.ofSeconds(1));
        feed.record("sim", PROMISED, PollResult.failed("connection refused"), "CLOSED");
        clock.advance(Duration.ofSeconds(1));
        feed.record("sim", PROMISED, PollResult.failed("connection refused"), "CLOSED");
        FeedBatch stale = feed.drain();
        assertEquals(SignalState.STALE, stale.scaleStatus().signal());
        assertEquals(T0.plusSeconds(5), stale.scaleStatus().lastValueAt());
        assertEquals(SignalState.STALE, feed.incidentStatus().signal());
    }

    @Test
    void restoredSeveritiesShowUntilValuesArrive() {
        feed.register("sim", PROMISED, Duration.ofSeconds(1), Duration.ofSeconds(1));
        feed.restoreSeverities(ScaleSeverity.SURGE, IncidentSeverity.SEV2);
        FeedBatch batch = feed.drain();
        assertEquals(ScaleSeverity.SURGE, batch.scale());
        assertEquals(ScaleSeverity.SURGE, batch.scaleStatus().level());
        assertEquals(SignalState.NO_DATA, batch.scaleStatus().signal());
        assertEquals(IncidentSeverity.SEV2, feed.incidentSeverity());
    }

    @Test
    void anUptimeSentAsAFractionIsShownWithAWarningOnTheTileAndInTheSourcesPanel() {
        Set<Metric> uptime = Set.of(Metric.UPTIME);
        feed.register("prom", uptime, Duration.ofSeconds(5), Duration.ofSeconds(2));
        for (int i = 0; i <= 8; i++) {
            feed.record("prom", uptime, PollResult.of(List.of(new MetricSample(Metric.UPTIME, clock.instant(),
                    0.99867))), "CLOSED");
            if (i == 0) {
                assertNull(feed.drain().readings().get(Metric.UPTIME).problem(), "one odd value is not a warning");
            }
            clock.advance(Duration.ofSeconds(5));
        }
        FeedBatch batch = feed.drain();
        MetricReading r = batch.readings().get(Metric.UPTIME);
        assertEquals(Freshness.FRESH, r.freshness(), "shown, not refused: it is inside the sane range");
        assertEquals("uptime 0.99867 — a fraction? multiply by 100 (the unit is %)", r.problem());
        assertTrue(batch.sources().get(0).notes().stream().anyMatch(n -> n.contains("uptime: uptime 0.99867 — a "
                + "fraction?")), batch.sources().get(0).notes().toString());

        feed.record("prom", uptime, PollResult.of(List.of(new MetricSample(Metric.UPTIME, clock.instant(), 99.867))),
                "CLOSED");
        assertNull(feed.drain().readings().get(Metric.UPTIME).problem(), "a percentage again: no warning");
    }
}
