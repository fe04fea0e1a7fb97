package dev.warroom.metrics;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plays a {@link Scenario} against the clock so the dashboard is alive with no setup.
 * Scenario time = {@code startAt + speed * (now - first poll)}. The jitter on each value is a
 * pure function of (seed, metric, scenario second), so a given seed and clock always give
 * the same numbers, however often the source is polled. Samples carry the clock's time.
 * It emits requests per second; the feed turns that into the traffic multiple.
 */
public final class SimulatorSource implements MetricSource {

    private static final Set<Metric> METRICS = EnumSet.of(Metric.REQUESTS_PER_SECOND, Metric.ERROR_RATE,
            Metric.P95_LATENCY, Metric.UPTIME, Metric.CPU, Metric.MEMORY, Metric.CACHE_HIT,
            Metric.DB_CONNECTIONS_FREE, Metric.CONVERSION, Metric.RETENTION_24H, Metric.ACTIVE_USERS,
            Metric.SIGNUPS_PER_HOUR, Metric.REVENUE_PER_HOUR);

    private final String name;
    private final Scenario scenario;
    private final long seed;
    private final double speed;
    private final Duration startAt;
    private final Clock clock;
    private Instant startedAt;

    public SimulatorSource(String name, Scenario scenario, long seed, double speed, Duration startAt, Clock clock) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("simulator speed must be a positive number, was " + speed);
        }
        this.name = name;
        this.scenario = scenario;
        this.seed = seed;
        this.speed = speed;
        this.startAt = startAt;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Metric> metrics() {
        return Set.copyOf(METRICS);
    }

    /** Scenario time reached at the clock's current instant. */
    public synchronized Duration scenarioTime() {
        Instant now = clock.instant();
        if (startedAt == null) {
            startedAt = now;
        }
        long realMillis = Math.max(0, Duration.between(startedAt, now).toMillis());
        return startAt.plusMillis(Math.round(realMillis * speed));
    }

    @Override
    public PollResult poll() {
        Duration t = scenarioTime();
        Instant now = clock.instant();
        long second = t.toSeconds();
        double[] k = scenario.at(t);
        double traffic = k[0];
        double errorRate = k[1];
        double conversion = k[8];
        double baseConversion = scenario.keyframes().get(0).conversion();
        double conversionFactor = baseConversion > 0 ? conversion / baseConversion : 1;
        Scenario.Baseline base = scenario.baseline();

        List<MetricSample> samples = new ArrayList<>(METRICS.size());
        add(samples, Metric.REQUESTS_PER_SECOND, now, second, base.requestsPerSecond() * traffic);
        add(samples, Metric.ERROR_RATE, now, second, errorRate);
        add(samples, Metric.P95_LATENCY, now, second, k[2]);
        double downtime = Math.max(0, 100 - k[3]);
        samples.add(new MetricSample(Metric.UPTIME, now, 100 - jitter(Metric.UPTIME, second, downtime)));
        add(samples, Metric.CPU, now, second, k[4]);
        add(samples, Metric.MEMORY, now, second, k[5]);
        add(samples, Metric.CACHE_HIT, now, second, k[6]);
        add(samples, Metric.DB_CONNECTIONS_FREE, now, second, Math.round(k[7]));
        add(samples, Metric.CONVERSION, now, second, conversion);
        add(samples, Metric.RETENTION_24H, now, second, k[9]);
        add(samples, Metric.ACTIVE_USERS, now, second, Math.round(base.activeUsers() * traffic));
        add(samples, Metric.SIGNUPS_PER_HOUR, now, second, base.signupsPerHour() * traffic * conversionFactor);
        add(samples, Metric.REVENUE_PER_HOUR, now, second,
                base.revenuePerHour() * traffic * conversionFactor * (1 - errorRate / 100));
        return PollResult.of(samples);
    }

    private void add(List<MetricSample> samples, Metric metric, Instant now, long second, double value) {
        double v = jitter(metric, second, value);
        double clamped = Math.max(metric.range().min(), Math.min(metric.range().max(), v));
        samples.add(new MetricSample(metric, now, clamped));
    }

    private double jitter(Metric metric, long second, double value) {
        long mixed = seed * 0x9E3779B97F4A7C15L + metric.ordinal() * 0xBF58476D1CE4E5B9L + second;
        double u = new SplittableRandom(mixed).nextDouble() * 2 - 1;
        return value * (1 + scenario.noise() * u);
    }
}
