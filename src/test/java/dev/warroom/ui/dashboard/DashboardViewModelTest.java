package dev.warroom.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.Band;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.Trend;
import dev.warroom.metrics.Freshness;
import dev.warroom.metrics.MetricReading;
import dev.warroom.metrics.RecentSeries;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a tile says about fresh, stale and missing data — no toolkit needed. */
class DashboardViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Trend RISING_BAD = new Trend(Trend.Direction.UP, Trend.Meaning.BAD, 3);

    @Test
    void aFreshReadingShowsValueBandTrendAndSource() {
        TileData t = DashboardViewModel.tileOf(new MetricReading(Metric.ERROR_RATE, "prom", 7.25, NOW.minusSeconds(4),
                Freshness.FRESH, null, 0, Band.CRITICAL, RISING_BAD), NOW, RecentSeries.EMPTY);
        assertEquals("7.25", t.value());
        assertEquals("%", t.unit());
        assertEquals(Band.CRITICAL, t.band());
        assertEquals(Trend.Meaning.BAD, t.trend().meaning());
        assertEquals("4 s ago · prom", t.age());
    }

    @Test
    void aFreshValueWithAUnitWarningSaysSoOnTheTile() {
        TileData t = DashboardViewModel.tileOf(new MetricReading(Metric.UPTIME, "prom", 0.999, NOW.minusSeconds(2),
                Freshness.FRESH, "uptime 0.999 — a fraction? multiply by 100 (the unit is %)", 0, Band.CRITICAL,
                Trend.UNKNOWN), NOW, RecentSeries.EMPTY);
        assertEquals("2 s ago · prom · uptime 0.999 — a fraction? multiply by 100 (the unit is %)", t.age());
        assertEquals("0.999", t.value(), "the digits as they came, not \"1.00\" beside the warning");
        assertEquals("0.195", FigureFormat.of(Metric.P95_LATENCY, 0.195)[0], "p95 in seconds: not \"0.2 ms\"");
    }

    @Test
    void aStaleReadingKeepsTheLastValueButDropsColourAndTrendAndSaysWhy() {
        TileData t = DashboardViewModel.tileOf(new MetricReading(Metric.P95_LATENCY, "prom", 2400, NOW.minusSeconds(40),
                Freshness.STALE, "source down: connection refused", 0, Band.CRITICAL, RISING_BAD), NOW,
                RecentSeries.EMPTY);
        assertEquals("2,400", t.value());
        assertEquals("ms", t.unit(), "p95 is in ms everywhere, as its key's unit and its alert threshold are");
        assertEquals(Band.NONE, t.band(), "a stale value must not look like a live alarm or all-clear");
        assertEquals(Trend.Meaning.NEUTRAL, t.trend().meaning());
        assertEquals("STALE since 40 s ago · source down: connection refused", t.age());
        assertEquals(Freshness.STALE, t.freshness());
    }

    @Test
    void noDataSaysWhyAndRejectedValuesAreCounted() {
        TileData none = DashboardViewModel.tileOf(new MetricReading(Metric.UPTIME, "json", Double.NaN, null,
                Freshness.NO_DATA, "missing pointer /health/uptime", 0, Band.NONE, Trend.UNKNOWN), NOW,
                RecentSeries.EMPTY);
        assertEquals("—", none.value());
        assertEquals("missing pointer /health/uptime", none.age());
        TileData rejected = DashboardViewModel.tileOf(new MetricReading(Metric.CPU, "sim", 55, NOW.minusSeconds(1),
                Freshness.FRESH, null, 3, Band.OK, Trend.UNKNOWN), NOW, RecentSeries.EMPTY);
        assertTrue(rejected.age().endsWith("· 3 rejected"), rejected.age());
    }

    @Test
    void theSourcesPanelShowsAShortFailureAndTheFullTextOneClickAway() {
        String flood = "upstream said: " + "no ".repeat(3000);
        dev.warroom.metrics.SourceHealth health = new dev.warroom.metrics.SourceHealth("prom",
                dev.warroom.metrics.SourceHealth.State.DOWN, flood, 3, null, NOW, "OPEN", java.util.List.of(), 0);
        assertTrue(health.failureSummary().length() <= dev.warroom.metrics.SourceHealth.BRIEF);
        assertTrue(health.failureCut());
        java.util.List<String> shown = new java.util.ArrayList<>();
        dev.warroom.testing.NoDialogs dialogs = new dev.warroom.testing.NoDialogs() {
            @Override
            public void showText(String title, String text) {
                shown.add(title + "|" + text);
            }
        };
        DashboardViewModel vm = new DashboardViewModel(null, new dev.warroom.ui.TaskRunner() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> onDone,
                                java.util.function.Consumer<Throwable> onError) {
                // team status is not read in this test
            }
        }, dialogs, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC);
        vm.showSourceFailure(health);
        assertEquals(java.util.List.of("Last failure of prom|" + flood), shown);
    }

    @Test
    void figuresReadTheWayAWarRoomSpeaksThem() {
        assertEquals("1,200", FigureFormat.of(Metric.P95_LATENCY, 1200)[0]);
        assertEquals("ms", FigureFormat.of(Metric.P95_LATENCY, 1200)[1]);
        assertEquals("480", FigureFormat.of(Metric.P95_LATENCY, 480)[0]);
        assertEquals("$2,400", FigureFormat.of(Metric.REVENUE_PER_HOUR, 2400)[0]);
        assertEquals("52", FigureFormat.of(Metric.TRAFFIC_MULTIPLE, 52.4)[0]);
        assertEquals("45,000", FigureFormat.of(Metric.ACTIVE_USERS, 45000)[0]);
        assertEquals("99.2", FigureFormat.of(Metric.UPTIME, 99.2)[0]);
        assertEquals("99.97", FigureFormat.of(Metric.UPTIME, 99.97)[0], "availability near the target keeps two decimals");
    }

    @Test
    void stoppingASourceAsksFirstResumingDoesNot() {
        boolean[] answer = {false};
        int[] asked = {0};
        dev.warroom.testing.NoDialogs dialogs = new dev.warroom.testing.NoDialogs() {
            @Override
            public boolean confirm(String title, String message, String confirmLabel) {
                asked[0]++;
                assertTrue(message.contains("STALE"), message);
                return answer[0];
            }
        };
        DashboardViewModel vm = new DashboardViewModel(null, dev.warroom.ui.TaskRunner.immediate(), dialogs,
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC);
        java.util.List<String> switched = new java.util.ArrayList<>();
        vm.setSourceSwitch((source, stop) -> switched.add(source + (stop ? " stop" : " resume")));
        vm.stopSource("prom", true);
        assertEquals(1, asked[0]);
        assertEquals(java.util.List.of(), switched, "declined: still polling");
        answer[0] = true;
        vm.stopSource("prom", true);
        vm.stopSource("prom", false);
        assertEquals(2, asked[0], "resuming needs no question");
        assertEquals(java.util.List.of("prom stop", "prom resume"), switched);
    }

    @Test
    void countedThingsReadAsWholeNumbersAndHourlyRatesSpellTheUnitOneWay() {
        assertEquals(java.util.List.of("47", "conns"), java.util.List.of(FigureFormat.of(Metric.DB_CONNECTIONS_FREE, 47.0)));
        assertEquals("85", FigureFormat.of(Metric.SIGNUPS_PER_HOUR, 85.0)[0]);
        assertEquals("12", FigureFormat.of(Metric.ACTIVE_USERS, 12.0)[0]);
        assertEquals("/h", FigureFormat.of(Metric.SIGNUPS_PER_HOUR, 85.0)[1]);
        assertEquals("/h", FigureFormat.of(Metric.REVENUE_PER_HOUR, 2400)[1], "not \"/hour\" beside \"/h\"");
        for (Metric m : Metric.values()) {
            assertFalse(m.label().contains("/hour"), m.label());
        }
    }

    @Test
    void anAlertSaysItsThresholdAndTheValueNowInTheTilesUnit() {
        dev.warroom.domain.metric.AlertRule p95 = new dev.warroom.domain.metric.AlertRule("slow", "Slow responses",
                Metric.P95_LATENCY, dev.warroom.domain.metric.Comparison.ABOVE, 2000, java.time.Duration.ofMinutes(2),
                dev.warroom.domain.metric.AlertSeverity.CRITICAL, "Scale out");
        dev.warroom.domain.metric.AlertStatus slow = new dev.warroom.domain.metric.AlertStatus(p95,
                dev.warroom.domain.metric.AlertState.INACTIVE, null, 1370, NOW, null);
        assertEquals("Response time p95 > 2,000 ms for 2m · now 1,370 ms", FigureFormat.alertDetail(slow),
                "not \"> 2000 ms … now 1.37\"");
        TileData tile = DashboardViewModel.tileOf(new MetricReading(Metric.P95_LATENCY, "prom", 1370, NOW,
                Freshness.FRESH, null, 0, Band.WARN, Trend.UNKNOWN), NOW, RecentSeries.EMPTY);
        assertTrue(FigureFormat.alertDetail(slow).endsWith("now " + tile.value() + " " + tile.unit()),
                "the alert list and the tile print the same figure");
        dev.warroom.domain.metric.AlertRule errors = new dev.warroom.domain.metric.AlertRule("errors", "Errors",
                Metric.ERROR_RATE, dev.warroom.domain.metric.Comparison.ABOVE, 5, java.time.Duration.ZERO,
                dev.warroom.domain.metric.AlertSeverity.CRITICAL, "Page");
        assertEquals("Error rate > 5 % at once · now 3.10 %", FigureFormat.alertDetail(
                new dev.warroom.domain.metric.AlertStatus(errors, dev.warroom.domain.metric.AlertState.INACTIVE, null,
                        3.1, NOW, null)));
        assertEquals("Error rate > 5 % at once", FigureFormat.alertDetail(new dev.warroom.domain.metric.AlertStatus(
                errors, dev.warroom.domain.metric.AlertState.INACTIVE, null, Double.NaN, NOW, null)));
        assertEquals("52x normal", FigureFormat.withUnit(Metric.TRAFFIC_MULTIPLE, 52.4));
        assertEquals("$2,400/h", FigureFormat.withUnit(Metric.REVENUE_PER_HOUR, 2400), "one spelling of the hour: /h");
    }

    @Test
    void theSourcesPanelSaysWhichKeysASourceFeedsAndTheirUnits() {
        DashboardViewModel vm = new DashboardViewModel(null, new dev.warroom.ui.TaskRunner() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> onDone,
                                java.util.function.Consumer<Throwable> onError) {
                // team status is not read in this test
            }
        }, null, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC);
        vm.setSourceFeeds(java.util.Map.of("prom", java.util.List.of(Metric.ERROR_RATE, Metric.P95_LATENCY)));
        assertEquals("feeds error-rate (%) · p95-latency (ms)", vm.feeds("prom"));
        assertEquals("", vm.feeds("simulator"), "nothing delivered yet, nothing declared");
        java.util.Map<Metric, MetricReading> readings = new java.util.EnumMap<>(Metric.class);
        readings.put(Metric.UPTIME, new MetricReading(Metric.UPTIME, "simulator", 99.9, NOW, Freshness.FRESH, null, 0,
                Band.OK, Trend.UNKNOWN));
        vm.apply(new dev.warroom.metrics.FeedBatch(NOW, readings, java.util.List.of(), java.util.List.of(), 0,
                java.util.List.of(), java.util.List.of(), java.util.List.of(),
                dev.warroom.domain.metric.ScaleSeverity.NORMAL, dev.warroom.domain.metric.IncidentSeverity.NONE,
                java.util.List.of(), java.util.List.of(),
                dev.warroom.domain.metric.SeverityStatus.noData(dev.warroom.domain.metric.ScaleSeverity.NORMAL),
                dev.warroom.domain.metric.SeverityStatus.noData(dev.warroom.domain.metric.IncidentSeverity.NONE)),
                (m, d) -> RecentSeries.EMPTY);
        assertEquals("feeds uptime (%)", vm.feeds("simulator"), "a scenario's keys are those it delivers");
    }

    @Test
    void aHealthyValueMovingTheWrongWayIsNotRed() {
        TileData healthy = DashboardViewModel.tileOf(new MetricReading(Metric.P95_LATENCY, "prom", 185,
                NOW.minusSeconds(1), Freshness.FRESH, null, 0, Band.OK, RISING_BAD), NOW, RecentSeries.EMPTY);
        assertEquals(Band.OK, healthy.band());
        assertEquals(Trend.Meaning.NEUTRAL, healthy.trend().meaning(), "185 ms rising is no alarm");
        assertEquals(Trend.Direction.UP, healthy.trend().direction(), "the arrow still shows the direction");
        TileData warn = DashboardViewModel.tileOf(new MetricReading(Metric.P95_LATENCY, "prom", 900,
                NOW.minusSeconds(1), Freshness.FRESH, null, 0, Band.WARN, RISING_BAD), NOW, RecentSeries.EMPTY);
        assertEquals(Trend.Meaning.BAD, warn.trend().meaning());
        Trend fallingSignups = new Trend(Trend.Direction.DOWN, Trend.Meaning.BAD, -40);
        assertEquals(Trend.Meaning.BAD, DashboardViewModel.tileOf(new MetricReading(Metric.SIGNUPS_PER_HOUR, "sim",
                400, NOW, Freshness.FRESH, null, 0, Band.NONE, fallingSignups), NOW, RecentSeries.EMPTY)
                .trend().meaning(), "no KPI: falling signups stay bad news");
    }

    @Test
    void enoughDecimalsToShowWhyAValueHasItsColour() {
        assertEquals("99.87", FigureFormat.of(Metric.UPTIME, 99.867)[0], "not 99.9, which would be on target");
        assertEquals("99.9", FigureFormat.of(Metric.UPTIME, 99.933)[0], "on target either way");
        assertEquals(Band.WARN, Metric.UPTIME.band(99.867));
        assertEquals(Band.OK, Metric.UPTIME.band(99.933));
        assertEquals("99.2", FigureFormat.of(Metric.UPTIME, 99.2)[0], "no extra decimals when the band is clear");
        assertEquals("4.996", FigureFormat.of(Metric.ERROR_RATE, 4.996)[0], "warning, not 5.00 (critical)");
        assertEquals("1,999.6", FigureFormat.of(Metric.P95_LATENCY, 1999.6)[0], "under the 2,000 ms critical limit");
        assertEquals("ms", FigureFormat.of(Metric.P95_LATENCY, 1999.6)[1]);
        assertEquals("499.6", FigureFormat.of(Metric.P95_LATENCY, 499.6)[0], "OK, not 500 (warning)");
        for (double v = 99.0; v <= 100; v += 0.0137) {
            String text = FigureFormat.of(Metric.UPTIME, v)[0];
            assertEquals(Metric.UPTIME.band(v), Metric.UPTIME.band(Double.parseDouble(text)), v + " shown as " + text);
        }
    }

    @Test
    void theBannerSaysNoDataThenThePendingChangeAndItsCountdownTicks() {
        dev.warroom.testing.MutableClock clock = new dev.warroom.testing.MutableClock(NOW);
        dev.warroom.metrics.MetricsFeed feed = feed(clock);
        DashboardViewModel vm = viewModel(clock);
        java.util.Set<Metric> promised = java.util.Set.of(Metric.TRAFFIC_MULTIPLE, Metric.ERROR_RATE);
        feed.register("prom", promised, java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(2));
        dev.warroom.ui.WarRoomState state = new dev.warroom.ui.WarRoomState(java.util.Optional::empty,
                dev.warroom.ui.TaskRunner.immediate(), clock);
        state.followSeverities(vm.scaleStatusProperty(), vm.incidentStatusProperty());
        dev.warroom.ui.SeverityDisplay banner = state.severity();
        vm.apply(feed.drain(), feed::recent);
        assertEquals("TRAFFIC: NO DATA", banner.scaleProperty().get().headline());
        assertEquals("ERRORS: NO DATA", banner.incidentProperty().get().headline());

        feed.record("prom", promised, dev.warroom.metrics.PollResult.of(java.util.List.of(
                new dev.warroom.domain.metric.MetricSample(Metric.TRAFFIC_MULTIPLE, clock.instant(), 24),
                new dev.warroom.domain.metric.MetricSample(Metric.ERROR_RATE, clock.instant(), 0.4))), "CLOSED");
        clock.advance(java.time.Duration.ofSeconds(80));
        feed.record("prom", promised, dev.warroom.metrics.PollResult.of(java.util.List.of(
                new dev.warroom.domain.metric.MetricSample(Metric.TRAFFIC_MULTIPLE, clock.instant(), 24),
                new dev.warroom.domain.metric.MetricSample(Metric.ERROR_RATE, clock.instant(), 0.4))), "CLOSED");
        vm.apply(feed.drain(), feed::recent);
        assertEquals("TRAFFIC NORMAL", banner.scaleProperty().get().headline());
        assertEquals("→ SURGE in 0:40 · traffic 24x now", banner.scaleProperty().get().detail());
        assertEquals("NO INCIDENT", banner.incidentProperty().get().headline());
        assertEquals("just now · prom", vm.tile(Metric.TRAFFIC_MULTIPLE.key()).get().age());

        clock.advance(java.time.Duration.ofSeconds(4));
        vm.tick();
        banner.tick();
        assertEquals("→ SURGE in 0:36 · traffic 24x now", banner.scaleProperty().get().detail(), "counts down live");
        assertEquals("4 s ago · prom", vm.tile(Metric.TRAFFIC_MULTIPLE.key()).get().age(), "ages tick live");
    }

    @Test
    void aTileShowingANumberFromTheSimulatorMarksTheWholeScreenSimulated() {
        dev.warroom.testing.MutableClock clock = new dev.warroom.testing.MutableClock(NOW);
        dev.warroom.metrics.MetricsFeed feed = feed(clock);
        DashboardViewModel vm = viewModel(clock);
        vm.setSimulatedSources(java.util.Set.of("simulator"));
        java.util.Set<Metric> cpu = java.util.Set.of(Metric.CPU);
        java.util.Set<Metric> errors = java.util.Set.of(Metric.ERROR_RATE);
        feed.register("prom", errors, java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(2));
        feed.register("simulator", cpu, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1));
        vm.apply(feed.drain(), feed::recent);
        assertTrue(!vm.simulatedProperty().get(), "waiting for data is not simulated data");

        feed.record("prom", errors, dev.warroom.metrics.PollResult.of(java.util.List.of(
                new dev.warroom.domain.metric.MetricSample(Metric.ERROR_RATE, clock.instant(), 0.4))), "CLOSED");
        vm.apply(feed.drain(), feed::recent);
        assertTrue(!vm.simulatedProperty().get(), "a real source's numbers are real");

        feed.record("simulator", cpu, dev.warroom.metrics.PollResult.of(java.util.List.of(
                new dev.warroom.domain.metric.MetricSample(Metric.CPU, clock.instant(), 55))), "CLOSED");
        vm.apply(feed.drain(), feed::recent);
        assertTrue(vm.simulatedProperty().get(), "one tile with a simulated number is enough");

        clock.advance(java.time.Duration.ofSeconds(30));
        vm.apply(feed.drain(), feed::recent);
        vm.tick();
        assertTrue(vm.simulatedProperty().get(), "a stale simulated number is still a simulated number");
    }

    @Test
    void aTickBetweenNewsMovesOnlyTheAgeAndTellsTheTileNothingWhenTheAgeIsTheSame() {
        dev.warroom.testing.MutableClock clock = new dev.warroom.testing.MutableClock(NOW);
        dev.warroom.metrics.MetricsFeed feed = feed(clock);
        DashboardViewModel vm = viewModel(clock);
        java.util.Set<Metric> promised = java.util.Set.of(Metric.ERROR_RATE);
        feed.register("prom", promised, java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(2));
        feed.record("prom", promised, dev.warroom.metrics.PollResult.of(java.util.List.of(
                new dev.warroom.domain.metric.MetricSample(Metric.ERROR_RATE, clock.instant(), 7.25))), "CLOSED");
        vm.apply(feed.drain(), feed::recent);
        javafx.beans.property.ObjectProperty<TileData> tile = vm.tile(Metric.ERROR_RATE.key());
        TileData news = tile.get();
        java.util.List<TileData> told = new java.util.ArrayList<>();
        tile.addListener((o, was, now) -> told.add(now));

        vm.tick();
        assertTrue(told.isEmpty(), "the same age: the tile is told nothing");
        assertTrue(news == tile.get());

        clock.advance(java.time.Duration.ofSeconds(4));
        vm.tick();
        assertEquals(1, told.size());
        TileData aged = tile.get();
        assertEquals("4 s ago · prom", aged.age());
        assertEquals(news.withAge("4 s ago · prom"), aged, "figure, band, trend and sparkline are the news's");
        assertEquals("7.25", aged.value());
    }

    private static dev.warroom.metrics.MetricsFeed feed(java.time.Clock clock) {
        return new dev.warroom.metrics.MetricsFeed(clock, 100, java.time.Duration.ofMinutes(5), java.util.List.of(),
                dev.warroom.config.SeverityTiming.DEFAULT);
    }

    private static DashboardViewModel viewModel(java.time.Clock clock) {
        return new DashboardViewModel(new dev.warroom.crisis.TeamStatus(null, clock, "t"),
                dev.warroom.ui.TaskRunner.immediate(), new dev.warroom.testing.NoDialogs(), clock,
                java.time.ZoneOffset.UTC);
    }

    @Test
    void anEtaShowsItsFigureLargeAndLeftOrLateAsItsUnit() {
        Instant eta = NOW.plus(java.time.Duration.ofMinutes(126));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new String[] {"2h 06m", "left"},
                DashboardViewModel.etaFigure(eta, NOW));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new String[] {"1h 04m", "late"},
                DashboardViewModel.etaFigure(NOW.minus(java.time.Duration.ofMinutes(64)), NOW));
    }
}
