package dev.warroom.bench;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.config.ConfigException;
import dev.warroom.config.MetricsConfigLoader;
import dev.warroom.metrics.MetricsFeed;
import dev.warroom.metrics.PollResult;
import dev.warroom.config.SeverityTiming;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.TaskRunner;
import dev.warroom.ui.dashboard.DashboardViewModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One dashboard pulse as the FX thread does it, with 50 live series at 1 Hz (5 sources x 10
 * metrics, 15 minutes of history): the feed is drained and the dashboard view model is updated —
 * every tile's value, band, trend, age and sparkline points, the alert list, the sources panel and
 * the severities. Scene-graph layout and painting are not part of this figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DashboardPulseBenchmark {
    private static final Set<Metric> METRICS = EnumSet.of(Metric.UPTIME, Metric.P95_LATENCY, Metric.ERROR_RATE,
            Metric.ACTIVE_USERS, Metric.SIGNUPS_PER_HOUR, Metric.CONVERSION, Metric.CPU, Metric.MEMORY,
            Metric.CACHE_HIT, Metric.DB_CONNECTIONS_FREE);
    private static final int SOURCES = 5;

    private final FeedPulseBenchmark.MovingClock clock =
            new FeedPulseBenchmark.MovingClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final SplittableRandom random = new SplittableRandom(50);
    private MetricsFeed feed;
    private DashboardViewModel dashboard;

    /** Background work never runs here: the pulse under test is pure FX-thread work. */
    private static final TaskRunner NOTHING = new TaskRunner() {
        @Override
        public <T> void run(java.util.concurrent.Callable<T> work, Consumer<? super T> onDone,
                            Consumer<Throwable> onError) {
        }
    };

    @Setup(Level.Trial)
    public void dashboardWithHistory() throws ConfigException {
        feed = new MetricsFeed(clock, 100, Duration.ofMinutes(5), MetricsConfigLoader.defaultRules(), SeverityTiming.DEFAULT);
        for (int s = 0; s < SOURCES; s++) {
            feed.register("source-" + s, METRICS, Duration.ofSeconds(1), Duration.ofSeconds(1));
        }
        dashboard = new DashboardViewModel(null, NOTHING, (DialogService) java.lang.reflect.Proxy.newProxyInstance(
                DialogService.class.getClassLoader(), new Class<?>[] {DialogService.class}, (proxy, method, args) -> null), clock, ZoneOffset.UTC);
        for (int second = 0; second < 900; second++) {
            oneSecondOfPolls();
            dashboard.apply(feed.drain(), feed::recent);
        }
    }

    private void oneSecondOfPolls() {
        clock.tick();
        Instant now = clock.instant();
        for (int s = 0; s < SOURCES; s++) {
            List<MetricSample> samples = new ArrayList<>(METRICS.size());
            for (Metric metric : METRICS) {
                samples.add(new MetricSample(metric, now, random.nextDouble() * Math.min(metric.range().max(), 100)));
            }
            feed.record("source-" + s, METRICS, PollResult.of(samples), "CLOSED");
        }
    }

    @Benchmark
    public DashboardViewModel pulseWithFreshSecond() {
        oneSecondOfPolls();
        dashboard.apply(feed.drain(), feed::recent);
        return dashboard;
    }
}
