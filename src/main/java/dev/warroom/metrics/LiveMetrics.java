package dev.warroom.metrics;

import dev.warroom.domain.metric.AlertRule;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The metrics side of the app, wired: a {@link MetricsFeed} fed by a {@link Poller} over the
 * configured sources, with the alert rules loaded. The app builds one, adds its listeners to
 * {@link #feed()}, calls {@link #start()}, drains the feed once per pulse and closes it on exit.
 */
public final class LiveMetrics implements AutoCloseable {

    private final MetricsConfig config;
    private final MetricsFeed feed;
    private final Poller poller;

    private LiveMetrics(MetricsConfig config, MetricsFeed feed, Poller poller) {
        this.config = config;
        this.feed = feed;
        this.poller = poller;
    }

    /** The shipped defaults: {@code data/metrics.json} (the simulator) and {@code data/alert-rules.json}. */
    public static LiveMetrics defaults(Clock clock) throws ConfigException {
        return of(ConfigReader.defaultMetrics(), ConfigReader.defaultRules(), clock, null, System::getenv);
    }

    /** From user files; either may be null to use the shipped default. */
    public static LiveMetrics fromFiles(Path metricsFile, Path rulesFile, Clock clock) throws ConfigException {
        MetricsConfig config = metricsFile == null ? ConfigReader.defaultMetrics() : ConfigReader.metrics(metricsFile);
        List<AlertRule> rules = rulesFile == null ? ConfigReader.defaultRules() : ConfigReader.rules(rulesFile);
        Path folder = metricsFile == null ? null : metricsFile.toAbsolutePath().getParent();
        return of(config, rules, clock, folder, System::getenv);
    }

    public static LiveMetrics of(MetricsConfig config, List<AlertRule> rules, Clock clock, Path configFolder,
                                 UnaryOperator<String> environment) throws ConfigException {
        MetricsFeed feed = new MetricsFeed(clock, config.trafficBaseline(), config.trendWindow(), rules,
                config.severity());
        Poller poller = new Poller(feed, clock, new SplittableRandom());
        List<MetricSource> opened = new ArrayList<>();
        try {
            for (SourceConfig source : config.sources()) {
                MetricSource metricSource = MetricSources.open(source, clock, configFolder, environment);
                opened.add(metricSource);
                poller.add(metricSource, source.interval(), source.timeout());
            }
        } catch (ConfigException | RuntimeException e) {
            opened.forEach(MetricSource::close);
            throw e;
        }
        return new LiveMetrics(config, feed, poller);
    }

    public MetricsConfig config() {
        return config;
    }

    public MetricsFeed feed() {
        return feed;
    }

    public Poller poller() {
        return poller;
    }

    public void start() {
        poller.start();
    }

    @Override
    public void close() {
        poller.close();
    }
}
