package dev.warroom.ui.dashboard;

import dev.warroom.config.ConfigException;
import dev.warroom.config.MetricsConfigLoader;
import dev.warroom.config.MetricsFileWriter;
import dev.warroom.config.SourceConfig;
import dev.warroom.domain.Durations;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.PlainText;
import dev.warroom.domain.metric.Metric;
import dev.warroom.metrics.ConnectionCheck;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.TaskRunner;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Connect metrics…" form: source kind, address, one query or JSON Pointer per metric key (with the
 * unit each must deliver), "Test connection" (a single poll, off the FX thread, reported per key) and Save
 * (writes the metrics file in the format War Room reads at start, replacing one already there only after
 * confirmation and keeping it as {@code .bak}, then starts polling the source).
 */
public final class ConnectMetricsViewModel {
    /** The kinds the form sets up: a Prometheus server or any JSON endpoint. */
    public enum Kind {
        PROMETHEUS("Prometheus", "PromQL query"), JSON("JSON endpoint", "JSON Pointer");

        private final String words;
        private final String field;

        Kind(String words, String field) {
            this.words = words;
            this.field = field;
        }

        /** "Prometheus", "JSON endpoint". */
        public String words() {
            return words;
        }

        /** What each key's field holds: "PromQL query", "JSON Pointer". */
        public String field() {
            return field;
        }
    }

    /** The keys the form offers, in the dashboard's order; the traffic multiple is derived from requests/s. */
    public static final List<Metric> KEYS = List.of(Metric.REQUESTS_PER_SECOND, Metric.ERROR_RATE,
            Metric.P95_LATENCY, Metric.UPTIME, Metric.ACTIVE_USERS, Metric.SIGNUPS_PER_HOUR, Metric.CONVERSION,
            Metric.RETENTION_24H, Metric.REVENUE_PER_HOUR, Metric.CPU, Metric.MEMORY, Metric.CACHE_HIT,
            Metric.DB_CONNECTIONS_FREE);

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.PROMETHEUS);
    private final StringProperty name = new SimpleStringProperty("prometheus");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty interval = new SimpleStringProperty("5s");
    private final Map<Metric, StringProperty> fields = new EnumMap<>(Metric.class);
    private final Map<Metric, ReadOnlyStringWrapper> results = new EnumMap<>(Metric.class);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
    private final Path metricsFile;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Clock clock;
    private final UnaryOperator<String> environment;
    private final Consumer<SourceConfig> start;
    private Consumer<SourceConfig> started = s -> { };

    /**
     * @param metricsFile where Save writes (the metrics file the configuration names); null when War Room runs
     *                    on its built-in file, and Save then says how to name one
     * @param start       starts polling a saved source (the app's live metrics); called off the FX thread
     */
    public ConnectMetricsViewModel(Path metricsFile, TaskRunner tasks, DialogService dialogs, Clock clock,
                                   UnaryOperator<String> environment, Consumer<SourceConfig> start) {
        this.metricsFile = metricsFile;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.clock = clock;
        this.environment = environment;
        this.start = start;
        for (Metric m : KEYS) {
            fields.put(m, new SimpleStringProperty(""));
            results.put(m, new ReadOnlyStringWrapper(""));
        }
        kind.addListener((o, was, now) -> {
            if (name.get().equals(defaultName(was))) {
                name.set(defaultName(now));
            }
        });
    }

    /** Called on the FX thread once a saved source is polled (the dashboard then lists it). */
    public void setStarted(Consumer<SourceConfig> started) {
        this.started = started;
    }

    private static String defaultName(Kind k) {
        return k == Kind.PROMETHEUS ? "prometheus" : "json";
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty intervalProperty() {
        return interval;
    }

    /** The query or JSON Pointer typed for {@code metric}. */
    public StringProperty field(Metric metric) {
        return fields.get(metric);
    }

    /** What "Test connection" got for {@code metric}: "99.93 %", "failed: …", with a unit warning if any. */
    public ReadOnlyStringProperty result(Metric metric) {
        return results.get(metric).getReadOnlyProperty();
    }

    /** "Testing…", "3 of 4 keys answered", or what is wrong with the form. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** Where Save writes, or null. */
    public Path metricsFile() {
        return metricsFile;
    }

    /** The unit a key's value must be in, as the form shows it beside the field: "%", "ms", "req/s". */
    public static String unitHint(Metric m) {
        return switch (m.unit()) {
            case "%" -> "% (0–100)";
            case "/h" -> "per hour";
            case "$/h" -> "$ per hour";
            default -> m.unit();
        };
    }

    /** What to type, as the field's prompt: the unit and, for Prometheus, how to get there. */
    public String prompt(Metric m) {
        if (kind.get() == Kind.JSON) {
            return "/path/to/value in " + unitHint(m);
        }
        return switch (m.unit()) {
            case "%" -> "PromQL in %: 100 * (ratio)";
            case "ms" -> "PromQL in ms: 1000 * (seconds)";
            case "/h", "$/h" -> "PromQL per hour: 3600 * rate(…)";
            default -> "PromQL in " + m.unit();
        };
    }

    /** What is wrong with the form, naming the field; null when it can be tested and saved. */
    public String problem() {
        try {
            source();
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    /** The source the form describes; an {@link InvalidInputException} naming the field when it cannot be one. */
    SourceConfig source() {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty()) {
            throw new InvalidInputException("name", "Source name is empty; give the source a short name such as \""
                    + defaultName(kind.get()) + "\".");
        }
        PlainText.check("name", "Source name", n, false);
        String address = url.get() == null ? "" : url.get().strip();
        if (address.isEmpty()) {
            throw new InvalidInputException("url", "URL is empty; enter the address of the "
                    + (kind.get() == Kind.PROMETHEUS ? "Prometheus server, e.g. http://127.0.0.1:9090"
                    : "JSON endpoint, e.g. https://stats.example.internal/now") + ".");
        }
        PlainText.check("url", "URL", address, false);
        try {
            URI u = new URI(address);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw new InvalidInputException("url", "URL \"" + address
                        + "\" is not an http:// or https:// address with a host.");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "URL \"" + address + "\" is not an address: " + e.getReason() + ".");
        }
        Duration every = Durations.parse(interval.get(), "Poll every");
        if (every.compareTo(MetricsConfigLoader.MIN_INTERVAL) < 0) {
            throw new InvalidInputException("interval", "Poll every \"" + interval.get().strip()
                    + "\" is too often; use at least 250ms.");
        }
        Map<Metric, String> byKey = new LinkedHashMap<>();
        for (Metric m : KEYS) {
            String text = fields.get(m).get() == null ? "" : fields.get(m).get().strip();
            if (text.isEmpty()) {
                continue;
            }
            String label = m.key() + " (" + kind.get().field() + ")";
            PlainText.check(m.key(), label, text, false);
            if (kind.get() == Kind.JSON && !text.startsWith("/")) {
                throw new InvalidInputException(m.key(), label + " \"" + text
                        + "\" must start with \"/\", e.g. /health/errorRate.");
            }
            byKey.put(m, text);
        }
        if (byKey.isEmpty()) {
            throw new InvalidInputException("keys", "No metric key is filled in; enter a " + kind.get().field()
                    + " for at least one key.");
        }
        Duration timeout = every.compareTo(Duration.ofSeconds(2)) < 0 ? every : Duration.ofSeconds(2);
        return kind.get() == Kind.PROMETHEUS
                ? new SourceConfig.Prometheus(n, every, timeout, address, null, "refuse", byKey)
                : new SourceConfig.Json(n, every, timeout, address, null, byKey);
    }

    /** Polls the source once in the background and shows, per key, the value it got or why not. */
    public void test() {
        SourceConfig source;
        try {
            source = source();
        } catch (InvalidInputException e) {
            status.set(e.getMessage());
            return;
        }
        results.values().forEach(r -> r.set(""));
        status.set("Testing " + source.feeds().size() + (source.feeds().size() == 1 ? " key" : " keys") + "…");
        testing.set(true);
        tasks.run(() -> ConnectionCheck.run(source, clock, environment), found -> {
            testing.set(false);
            int answered = 0;
            for (ConnectionCheck.KeyResult r : found) {
                results.get(r.metric()).set(words(r));
                answered += r.ok() ? 1 : 0;
            }
            status.set(answered + " of " + found.size() + (found.size() == 1 ? " key" : " keys") + " answered");
        }, e -> {
            testing.set(false);
            status.set("Test failed: " + e.getMessage());
        });
    }

    /** "99.93 %", "0.999 % — a fraction? multiply by 100 (the unit is %)", "failed: connection refused". */
    static String words(ConnectionCheck.KeyResult r) {
        if (!r.ok()) {
            return "failed: " + r.problem();
        }
        String value = FigureFormat.withUnit(r.metric(), r.value());
        if (r.warning() == null) {
            return value;
        }
        int dash = r.warning().indexOf(" — ");
        return value + " — " + (dash < 0 ? r.warning() : r.warning().substring(dash + 3));
    }

    /**
     * Writes the metrics file and starts polling the source: after confirmation when a file is already there
     * (it is kept as {@code NAME.bak}). The file is read back by the same loader War Room uses at start, and
     * the source as read back is the one started, so what runs now is what runs after a restart.
     */
    public void save() {
        SourceConfig source;
        try {
            source = source();
        } catch (InvalidInputException e) {
            status.set(e.getMessage());
            return;
        }
        if (metricsFile == null) {
            status.set("War Room runs on its built-in metrics file; name your own with \"metricsFile\" in the"
                    + " --config file to save one.");
            return;
        }
        tasks.run(() -> Files.exists(metricsFile), exists -> {
            if (exists && !dialogs.confirm("Replace the metrics file", metricsFile + " is already there. Replace it?"
                    + " The old file is kept as " + MetricsFileWriter.backupOf(metricsFile).getFileName() + ".",
                    "Replace")) {
                status.set("Not saved: " + metricsFile.getFileName() + " was left as it is.");
                return;
            }
            write(source);
        }, e -> status.set("Could not look at " + metricsFile + ": " + e.getMessage()));
    }

    private void write(SourceConfig source) {
        status.set("Saving…");
        tasks.run(() -> {
            MetricsFileWriter.replace(metricsFile, MetricsFileWriter.json(source, null));
            SourceConfig saved = MetricsConfigLoader.metrics(metricsFile).sources().get(0);
            try {
                start.accept(saved);
            } catch (RuntimeException e) {
                return new Saved(saved, e.getMessage());
            }
            return new Saved(saved, null);
        }, saved -> {
            if (saved.notStarted() == null) {
                status.set("Saved " + metricsFile + "; polling \"" + saved.source().name() + "\" now.");
                started.accept(saved.source());
            } else {
                status.set("Saved " + metricsFile + ", but \"" + saved.source().name() + "\" did not start: "
                        + saved.notStarted());
            }
        }, e -> status.set(e instanceof ConfigException ? "Saved, but the file does not read back: " + e.getMessage()
                : "Not saved: " + e.getMessage()));
    }

    /** A saved source, and why it did not start (null: it did). */
    private record Saved(SourceConfig source, String notStarted) {
    }
}
