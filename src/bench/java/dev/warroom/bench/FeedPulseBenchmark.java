package dev.warroom.bench;

import dev.warroom.domain.metric.AlertRule;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.config.ConfigException;
import dev.warroom.config.MetricsConfigLoader;
import dev.warroom.metrics.FeedBatch;
import dev.warroom.metrics.MetricsFeed;
import dev.warroom.metrics.PollResult;
import dev.warroom.config.SeverityTiming;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The non-UI half of one dashboard pulse with 50 live series at 1 Hz (5 sources x 10
 * metrics, 15 minutes of history each, the shipped alert rules): one second's polls land in
 * the feed and the UI drains them (readings, bands, trends, severities, alert states).
 * {@code pulseWithFreshSecond} is the worst pulse (all 50 series changed);
 * {@code pulseWithNothingNew} is the common one at 60 frames per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FeedPulseBenchmark {

    private static final Set<Metric> METRICS = EnumSet.of(Metric.UPTIME, Metric.P95_LATENCY, Metric.ERROR_RATE,
            Metric.ACTIVE_USERS, Metric.SIGNUPS_PER_HOUR, Metric.CONVERSION, Metric.CPU, Metric.MEMORY,
            Metric.CACHE_HIT, Metric.DB_CONNECTIONS_FREE);
    private static final int SOURCES = 5;

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final SplittableRandom random = new SplittableRandom(50);
    private MetricsFeed feed;

    /** A clock the benchmark moves one second per pulse. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void tick() {
            now = now.plusSeconds(1);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Setup(Level.Trial)
    public void feedWithHistory() throws ConfigException {
        List<AlertRule> rules = MetricsConfigLoader.defaultRules();
        feed = new MetricsFeed(clock, 100, Duration.ofMinutes(5), rules, SeverityTiming.DEFAULT);
        for (int s = 0; s < SOURCES; s++) {
            feed.register("source-" + s, METRICS, Duration.ofSeconds(1), Duration.ofSeconds(1));
        }
        for (int second = 0; second < 900; second++) {
            oneSecondOfPolls();
            feed.drain();
        }
    }

    private void oneSecondOfPolls() {
        clock.tick();
        Instant now = clock.instant();
        for (int s = 0; s < SOURCES; s++) {
            List<MetricSample> samples = new ArrayList<>(METRICS.size());
            for (Metric metric : METRICS) {
                double span = Math.min(metric.range().max(), 100);
                samples.add(new MetricSample(metric, now, random.nextDouble() * span));
            }
            feed.record("source-" + s, METRICS, PollResult.of(samples), "CLOSED");
        }
    }

    @Benchmark
    public FeedBatch pulseWithFreshSecond() {
        oneSecondOfPolls();
        return feed.drain();
    }

    @Benchmark
    public FeedBatch pulseWithNothingNew() {
        return feed.drain();
    }
}
