package dev.warroom.config;

import dev.warroom.domain.Durations;
import dev.warroom.domain.metric.AlertRule;
import dev.warroom.domain.metric.Metric;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads the metrics file ({@code metrics.json}: sources, traffic baseline, timings) and the alert rules
 * file. Defaults ship under {@code data/}; a user file, when given, replaces the default whole. Anything
 * invalid is refused with a {@link ConfigException} naming the file and field.
 */
public final class MetricsConfigLoader {

    public static final String DEFAULT_METRICS = "data/metrics.json";
    public static final String DEFAULT_RULES = "data/alert-rules.json";
    /**
     * The shortest poll interval accepted. Each poll stores one sample per metric, kept raw for 72 hours,
     * and the dashboard redraws at most once per pulse: below a quarter of a second polling only loads the
     * source and the database without showing anything sooner.
     */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(250);
    /** The answer to "how many requests per second are normal" when the metrics file does not say. */
    public static final double DEFAULT_TRAFFIC_BASELINE = 100;
    /** Keys of {@code multipleSeries}: what to do when a query answers more than one series. */
    public static final Set<String> SERIES_AGGREGATES = Set.of("refuse", "sum", "avg", "min", "max");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration SIMULATOR_INTERVAL = Duration.ofSeconds(1);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private MetricsConfigLoader() {
    }

    /** Alert rules file: {@code {"rules": [ ... ]}}. */
    record RulesFile(List<AlertRule> rules) {
    }

    public static MetricsConfig defaultMetrics() {
        return metrics(ConfigJson.resourceBytes(DEFAULT_METRICS), ConfigJson.builtIn(DEFAULT_METRICS));
    }

    public static MetricsConfig metrics(Path file) {
        return metrics(ConfigJson.fileBytes(file), file.toString());
    }

    public static List<AlertRule> defaultRules() {
        return rules(ConfigJson.resourceBytes(DEFAULT_RULES), ConfigJson.builtIn(DEFAULT_RULES));
    }

    public static List<AlertRule> rules(Path file) {
        return rules(ConfigJson.fileBytes(file), file.toString());
    }

    static MetricsConfig metrics(byte[] bytes, String file) {
        return checked(ConfigJson.read(bytes, file, MetricsConfig.class), file);
    }

    static List<AlertRule> rules(byte[] bytes, String file) {
        RulesFile raw = ConfigJson.read(bytes, file, RulesFile.class, true);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < raw.rules().size(); i++) {
            AlertRule rule = raw.rules().get(i);
            if (rule == null) {
                throw new ConfigException(file, "rules[" + i + "]", "expected an alert rule object, found null");
            }
            if (!ids.add(rule.id())) {
                throw new ConfigException(file, "rules[" + i + "].id", "expected a unique id; \"" + rule.id()
                        + "\" is used twice");
            }
        }
        return List.copyOf(raw.rules());
    }

    private static MetricsConfig checked(MetricsConfig raw, String file) {
        double baseline = raw.trafficBaseline() == null ? DEFAULT_TRAFFIC_BASELINE : raw.trafficBaseline();
        if (!(baseline > 0) || Double.isInfinite(baseline)) {
            throw new ConfigException(file, "trafficBaseline", "expected a positive number of requests per second, got "
                    + raw.trafficBaseline());
        }
        Duration trend = raw.trendWindow() == null ? MetricsConfig.DEFAULT_TREND_WINDOW : raw.trendWindow();
        positive(trend, file, "trendWindow");
        SeverityTiming timing = raw.severity() == null ? SeverityTiming.DEFAULT : raw.severity().withDefaults();
        notNegative(timing.scaleEscalateAfter(), file, "severity.scaleEscalateAfter");
        notNegative(timing.scaleCalmAfter(), file, "severity.scaleCalmAfter");
        notNegative(timing.incidentEscalateAfter(), file, "severity.incidentEscalateAfter");
        notNegative(timing.incidentCalmAfter(), file, "severity.incidentCalmAfter");
        if (raw.sources() == null || raw.sources().isEmpty()) {
            throw new ConfigException(file, "sources", "expected at least one metric source");
        }
        List<SourceConfig> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < raw.sources().size(); i++) {
            String at = "sources[" + i + "]";
            SourceConfig source = raw.sources().get(i);
            if (source == null) {
                throw new ConfigException(file, at, "expected a source object, found null");
            }
            if (source.name() == null || source.name().isBlank()) {
                throw new ConfigException(file, at + ".name", "expected a non-empty source name");
            }
            if (!names.add(source.name())) {
                throw new ConfigException(file, at + ".name", "expected a unique name; \"" + source.name()
                        + "\" is used twice");
            }
            sources.add(checked(source, file, at));
        }
        return new MetricsConfig(baseline, raw.trafficBaseline() != null, trend, timing, List.copyOf(sources));
    }

    private static SourceConfig checked(SourceConfig source, String file, String at) {
        Duration interval = source.interval() == null
                ? (source instanceof SourceConfig.Simulator ? SIMULATOR_INTERVAL : DEFAULT_INTERVAL)
                : source.interval();
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new ConfigException(file, at + ".interval", "expected at least \"250ms\" between polls (each poll "
                    + "stores a sample, and the screen does not show changes faster), got \""
                    + Durations.format(interval) + "\"");
        }
        Duration timeout = source.timeout() == null ? DEFAULT_TIMEOUT : source.timeout();
        positive(timeout, file, at + ".timeout");
        if (source instanceof SourceConfig.Simulator s) {
            if (s.scenario() == null || s.scenario().isBlank()) {
                throw new ConfigException(file, at + ".scenario", "expected a scenario name such as \"viral-surge\"");
            }
            double speed = s.speed() == null ? 1 : s.speed();
            if (!(speed > 0) || speed > 100_000) {
                throw new ConfigException(file, at + ".speed", "expected a speed factor above 0 and at most 100000, got "
                        + s.speed());
            }
            Duration startAt = s.startAt() == null ? Duration.ZERO : s.startAt();
            notNegative(startAt, file, at + ".startAt");
            return new SourceConfig.Simulator(s.name(), interval, timeout, s.scenario(),
                    s.seed() == null ? 1L : s.seed(), speed, startAt);
        }
        if (source instanceof SourceConfig.Prometheus p) {
            httpUrl(p.url(), file, at + ".url");
            envName(p.tokenEnv(), file, at + ".tokenEnv");
            String multiple = p.multipleSeries() == null ? "refuse" : p.multipleSeries();
            if (!SERIES_AGGREGATES.contains(multiple)) {
                throw new ConfigException(file, at + ".multipleSeries",
                        "expected \"refuse\", \"sum\", \"avg\", \"min\" or \"max\", got \"" + multiple + "\"");
            }
            nonEmpty(p.queries(), file, at + ".queries", "a PromQL expression per metric");
            return new SourceConfig.Prometheus(p.name(), interval, timeout, p.url(), p.tokenEnv(), multiple,
                    p.queries());
        }
        if (source instanceof SourceConfig.Json j) {
            httpUrl(j.url(), file, at + ".url");
            envName(j.tokenEnv(), file, at + ".tokenEnv");
            nonEmpty(j.pointers(), file, at + ".pointers", "a JSON Pointer per metric");
            for (Map.Entry<Metric, String> e : j.pointers().entrySet()) {
                String pointer = e.getValue();
                if (pointer == null || !(pointer.isEmpty() || pointer.startsWith("/"))) {
                    throw new ConfigException(file, at + ".pointers." + e.getKey().key(),
                            "expected a JSON Pointer starting with \"/\", got \"" + pointer + "\"");
                }
            }
            return new SourceConfig.Json(j.name(), interval, timeout, j.url(), j.tokenEnv(), j.pointers());
        }
        SourceConfig.File f = (SourceConfig.File) source;
        if (f.path() == null || f.path().isBlank()) {
            throw new ConfigException(file, at + ".path", "expected the path of a CSV or JSON-lines file");
        }
        String format = f.format();
        if (format == null) {
            String lower = f.path().toLowerCase();
            format = lower.endsWith(".csv") ? "csv" : lower.endsWith(".jsonl") || lower.endsWith(".ndjson") ? "jsonl" : null;
            if (format == null) {
                throw new ConfigException(file, at + ".format",
                        "expected \"csv\" or \"jsonl\" (the file extension does not say which)");
            }
        } else if (!format.equals("csv") && !format.equals("jsonl")) {
            throw new ConfigException(file, at + ".format", "expected \"csv\" or \"jsonl\", got \"" + format + "\"");
        }
        return new SourceConfig.File(f.name(), interval, timeout, f.path(), format,
                f.metrics() == null ? List.of() : List.copyOf(f.metrics()));
    }

    private static void positive(Duration d, String file, String path) {
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(file, path, "expected a positive duration such as \"5s\", got \"" + Durations.format(d) + "\"");
        }
    }

    private static void notNegative(Duration d, String file, String path) {
        if (d.isNegative()) {
            throw new ConfigException(file, path, "expected zero or a positive duration, got \"" + Durations.format(d) + "\"");
        }
    }

    private static void httpUrl(String url, String file, String path) {
        if (url == null) {
            throw new ConfigException(file, path, "expected an http:// or https:// URL");
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new ConfigException(file, path, "expected an http:// or https:// URL with a host, got \"" + url + "\"");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(file, path, "expected an http:// or https:// URL, got \"" + url + "\" ("
                    + e.getReason() + ")");
        }
    }

    private static void envName(String name, String file, String path) {
        if (name != null && !ENV_NAME.matcher(name).matches()) {
            throw new ConfigException(file, path,
                    "expected the NAME of an environment variable (letters, digits, _), not the token itself");
        }
    }

    private static void nonEmpty(Map<?, ?> map, String file, String path, String what) {
        if (map == null || map.isEmpty()) {
            throw new ConfigException(file, path, "expected " + what);
        }
    }
}
