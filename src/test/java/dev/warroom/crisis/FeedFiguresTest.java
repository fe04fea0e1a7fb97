package dev.warroom.crisis;

import dev.warroom.testing.Backend;
import dev.warroom.testing.PostgresExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.config.MetricsConfigLoader;
import dev.warroom.metrics.MetricsFeed;
import dev.warroom.config.SeverityTiming;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Totals, means and peaks over a period come from the recorded minute buckets. */
/** Runs on H2 and on PostgreSQL (team mode): the same tests, both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@ExtendWith(PostgresExtension.class)
class FeedFiguresTest {
    @Parameter
    Backend backend;

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    @TempDir
    Path dir;

    @Test
    void addsUpRatesAndFindsMeansAndPeaksFromWhatWasRecorded() throws Exception {
        MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(2)));
        try (Database db = backend.open(dir, "f")) {
            List<MetricSample> samples = new ArrayList<>();
            for (int s = 0; s < 2 * 3600; s += 10) {
                Instant at = T0.plusSeconds(s);
                samples.add(new MetricSample(Metric.SIGNUPS_PER_HOUR, at, s < 3600 ? 600 : 1200));
                samples.add(new MetricSample(Metric.P95_LATENCY, at, s == 4000 ? 5000 : 400));
                samples.add(new MetricSample(Metric.UPTIME, at, s < 3600 ? 99.0 : 100.0));
            }
            db.samples().insert(samples);
            MetricsFeed feed = new MetricsFeed(clock, 100, Duration.ofMinutes(5), MetricsConfigLoader.defaultRules(),
                    SeverityTiming.DEFAULT);
            FeedFigures figures = new FeedFigures(feed, db);

            double users = figures.total(Metric.SIGNUPS_PER_HOUR, T0, T0.plus(Duration.ofHours(2))).orElseThrow();
            assertEquals(600 + 1200, users, 1e-6, "an hour at 600/h and an hour at 1,200/h");
            assertEquals(99.5, figures.mean(Metric.UPTIME, T0, T0.plus(Duration.ofHours(2))).orElseThrow(), 1e-9);
            double peak = figures.peak(Metric.P95_LATENCY, T0, T0.plus(Duration.ofHours(2))).orElseThrow();
            assertEquals((5000 + 5 * 400) / 6.0, peak, 1e-9, "the worst minute's average");
            assertTrue(figures.total(Metric.SIGNUPS_PER_HOUR, T0.minus(Duration.ofDays(2)),
                    T0.minus(Duration.ofDays(1))).isEmpty(), "nothing recorded then: no total, not zero");
            assertTrue(new FeedFigures(feed, null).mean(Metric.UPTIME, T0, clock.instant()).isEmpty());
        }
    }
}
