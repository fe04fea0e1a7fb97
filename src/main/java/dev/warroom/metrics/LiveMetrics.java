package dev.warroom.metrics;

import dev.warroom.config.ConfigException;
import dev.warroom.config.MetricsConfig;
import dev.warroom.config.MetricsConfigLoader;
import dev.warroom.config.SourceConfig;
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
 *
 * <p>A broken file takes down only what it describes: a broken metrics file leaves no sources running
 * (never a fallback to simulated numbers), a broken alert rules file leaves no rules active while the
 * sources keep running, a source that cannot be opened leaves the others running. Every such problem
 * is kept in {@link #problems()} for the dashboard to show, all of them, not only the first.
 */
public final class LiveMetrics implements AutoCloseable {

    private final MetricsConfig config;
    private final MetricsFeed feed;
    private final Poller poller;
    private final List<String> problems;
    private final Clock clock;
    private final Path configFolder;
    private final UnaryOperator<String> environment;
    /** The sources started since (Connect metrics…, Run the simulator), beside those of the file. */
    private final List<SourceConfig> connected = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Path metricsFile;

    private LiveMetrics(MetricsConfig config, MetricsFeed feed, Poller poller, List<String> problems, Clock clock,
                        Path configFolder, UnaryOperator<String> environment) {
        this.config = config;
        this.feed = feed;
        this.poller = poller;
        this.problems = List.copyOf(problems);
        this.clock = clock;
        this.configFolder = configFolder;
        this.environment = environment;
    }

    /** The shipped defaults: {@code data/metrics.json} (the simulator) and {@code data/alert-rules.json}. */
    public static LiveMetrics defaults(Clock clock) {
        return of(MetricsConfigLoader.defaultMetrics(), MetricsConfigLoader.defaultRules(), clock, null, System::getenv);
    }

    /**
     * From user files, either of which may be null to use the shipped default. Never throws for a bad file:
     * what cannot be used is left out and said in {@link #problems()}.
     */
    public static LiveMetrics open(Path metricsFile, Path rulesFile, Clock clock) {
        return open(metricsFile, rulesFile, clock, System::getenv);
    }

    static LiveMetrics open(Path metricsFile, Path rulesFile, Clock clock, UnaryOperator<String> environment) {
        List<String> problems = new ArrayList<>();
        MetricsConfig config;
        try {
            config = metricsFile == null ? MetricsConfigLoader.defaultMetrics() : MetricsConfigLoader.metrics(metricsFile);
        } catch (ConfigException e) {
            problems.add("No metric sources are running: " + e.getMessage());
            config = MetricsConfig.withoutSources();
        }
        List<AlertRule> rules;
        try {
            rules = rulesFile == null ? MetricsConfigLoader.defaultRules() : MetricsConfigLoader.rules(rulesFile);
        } catch (ConfigException e) {
            problems.add("No alert rules are active: " + e.getMessage());
            rules = List.of();
        }
        Path folder = metricsFile == null ? null : metricsFile.toAbsolutePath().getParent();
        LiveMetrics live = build(config, rules, clock, folder, environment, problems);
        live.metricsFile = metricsFile;
        return live;
    }

    /** Exactly these sources and rules; a source that cannot be opened is a {@link ConfigException}. */
    public static LiveMetrics of(MetricsConfig config, List<AlertRule> rules, Clock clock, Path configFolder,
                                 UnaryOperator<String> environment) {
        List<String> problems = new ArrayList<>();
        LiveMetrics live = build(config, rules, clock, configFolder, environment, problems);
        if (!problems.isEmpty()) {
            live.close();
            throw new ConfigException("metric sources", "", String.join("; ", problems));
        }
        return live;
    }

    private static LiveMetrics build(MetricsConfig config, List<AlertRule> rules, Clock clock, Path configFolder,
                                     UnaryOperator<String> environment, List<String> problems) {
        MetricsFeed feed = new MetricsFeed(clock, config.trafficBaseline(), config.trendWindow(), rules,
                config.severity());
        Poller poller = new Poller(feed, clock, new SplittableRandom());
        for (SourceConfig source : config.sources()) {
            try {
                MetricSource metricSource = MetricSources.open(source, clock, configFolder, environment);
                poller.add(metricSource, source.interval(), source.timeout());
            } catch (RuntimeException e) {
                problems.add("Source \"" + source.name() + "\" is not running: " + e.getMessage());
            }
        }
        return new LiveMetrics(config, feed, poller, problems, clock, configFolder, environment);
    }

    /** The user's metrics file (the one the configuration names), or null when the built-in one is used. */
    public Path metricsFile() {
        return metricsFile;
    }

    /** True while no source is polled: the dashboard then offers to connect one or to run the simulator. */
    public boolean noSources() {
        return poller.sourceMetrics().isEmpty();
    }

    /**
     * Starts polling {@code source} now, beside the others (what "Connect metrics…" and "Run the simulator"
     * do). Refuses a source that cannot be opened or whose name is taken, with the reason.
     */
    public void connect(SourceConfig source) {
        MetricSource open = MetricSources.open(source, clock, configFolder, environment);
        try {
            poller.add(open, source.interval(), source.timeout());
        } catch (RuntimeException e) {
            open.close();
            throw e;
        }
        connected.add(source);
    }

    /** Every source started: those of the metrics file and those connected since. */
    public List<SourceConfig> sources() {
        List<SourceConfig> all = new ArrayList<>(config.sources());
        all.addAll(connected);
        return List.copyOf(all);
    }

    public MetricsConfig config() {
        return config;
    }

    /** The names of the sources that make their numbers up (kind {@code simulator}): their tiles show simulated data. */
    public java.util.Set<String> simulatedSources() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (SourceConfig source : sources()) {
            if (source instanceof SourceConfig.Simulator) {
                names.add(source.name());
            }
        }
        return java.util.Set.copyOf(names);
    }

    public MetricsFeed feed() {
        return feed;
    }

    public Poller poller() {
        return poller;
    }

    /** What could not be used, one sentence each, for the dashboard; empty when everything runs. */
    public List<String> problems() {
        return problems;
    }

    public void start() {
        poller.start();
    }

    @Override
    public void close() {
        poller.close();
    }
}
