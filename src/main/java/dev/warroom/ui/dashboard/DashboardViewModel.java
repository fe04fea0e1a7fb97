package dev.warroom.ui.dashboard;

import dev.warroom.crisis.TeamStatus;
import dev.warroom.domain.Board;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.Eta;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.metric.AlertStatus;
import dev.warroom.domain.metric.Band;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityStatus;
import dev.warroom.domain.metric.Trend;
import dev.warroom.metrics.FeedBatch;
import dev.warroom.metrics.Freshness;
import dev.warroom.metrics.MetricReading;
import dev.warroom.metrics.RecentSeries;
import dev.warroom.metrics.SourceHealth;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard's state: one {@link TileData} per tile, the alert list, the sources panel and the
 * two severities. Fed once per pulse with a drained {@link FeedBatch}; no JavaFX nodes here.
 */
public final class DashboardViewModel {
    public static final String WAR_ROOM_HOURS = "war-room-hours";
    public static final String CRITICAL_ISSUES = "critical-issues";
    public static final String TEAM_STRESS = "team-stress";
    public static final String ETA_STABLE = "eta-stable";
    static final Duration SPARK_WINDOW = Duration.ofMinutes(15);
    /** Firing first, then pending, just resolved, and quiet rules last; critical before warning. */
    static final java.util.Comparator<AlertStatus> ALERT_ORDER = java.util.Comparator
            .comparingInt((AlertStatus a) -> switch (a.state()) {
                case FIRING -> 0;
                case PENDING -> 1;
                case RESOLVED -> 2;
                case INACTIVE -> 3;
            })
            .thenComparing(a -> a.rule().severity().ordinal(), java.util.Comparator.reverseOrder())
            .thenComparing(a -> a.rule().name());

    /** The seed's three groups, plus the load figures the issue adds. */
    public static final Map<String, List<String>> GROUPS = groups();

    private final Map<String, ObjectProperty<TileData>> tiles = new LinkedHashMap<>();
    private final ObservableList<AlertStatus> alerts = FXCollections.observableArrayList();
    private final ObservableList<SourceHealth> sources = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ScaleSeverity> scale = new ReadOnlyObjectWrapper<>(ScaleSeverity.NORMAL);
    private final ReadOnlyObjectWrapper<IncidentSeverity> incident = new ReadOnlyObjectWrapper<>(IncidentSeverity.NONE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SeverityStatus<ScaleSeverity>> scaleStatus =
            new ReadOnlyObjectWrapper<>(SeverityStatus.noData(ScaleSeverity.NORMAL));
    private final ReadOnlyObjectWrapper<SeverityStatus<IncidentSeverity>> incidentStatus =
            new ReadOnlyObjectWrapper<>(SeverityStatus.noData(IncidentSeverity.NONE));
    private final Map<Metric, MetricReading> shown = new EnumMap<>(Metric.class);
    private final Map<Metric, RecentSeries> shownSpark = new EnumMap<>(Metric.class);
    private final ReadOnlyStringWrapper trafficBaseline = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper simulated =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private java.util.Set<String> simulatedSources = java.util.Set.of();
    private Map<String, List<Metric>> sourceFeeds = Map.of();
    private final javafx.beans.property.ReadOnlyBooleanWrapper noSources =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private MetricsSetup setup;
    private final ReadOnlyStringWrapper recorder = new ReadOnlyStringWrapper("");
    private final TeamStatus team;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Clock clock;
    private final ZoneId zone;
    private Board board = Board.empty();
    private Crisis crisis;
    private TeamStatus.Entered entered = new TeamStatus.Entered(0, null);
    private java.util.function.BiConsumer<String, Boolean> sourceSwitch = (name, stop) -> { };

    public DashboardViewModel(TeamStatus team, TaskRunner tasks, DialogService dialogs, Clock clock, ZoneId zone) {
        this.team = team;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.clock = clock;
        this.zone = zone;
        for (List<String> keys : GROUPS.values()) {
            for (String key : keys) {
                tiles.put(key, new SimpleObjectProperty<>(waiting(key)));
            }
        }
        refreshTeam();
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("System health", List.of(Metric.UPTIME.key(), Metric.P95_LATENCY.key(), Metric.ERROR_RATE.key(),
                Metric.ACTIVE_USERS.key()));
        g.put("Growth", List.of(Metric.SIGNUPS_PER_HOUR.key(), Metric.CONVERSION.key(), Metric.RETENTION_24H.key(),
                Metric.REVENUE_PER_HOUR.key()));
        g.put("Team", List.of(WAR_ROOM_HOURS, CRITICAL_ISSUES, TEAM_STRESS, ETA_STABLE));
        g.put("Load", List.of(Metric.TRAFFIC_MULTIPLE.key(), Metric.CPU.key(), Metric.CACHE_HIT.key(),
                Metric.DB_CONNECTIONS_FREE.key()));
        return g;
    }

    private static TileData waiting(String key) {
        return Metric.byKey(key).map(m -> TileData.waiting(key, m.label(), m.unit(), true))
                .orElseGet(() -> TileData.waiting(key, teamLabel(key), "", false));
    }

    private static String teamLabel(String key) {
        return switch (key) {
            case WAR_ROOM_HOURS -> "War room active";
            case CRITICAL_ISSUES -> "Critical issues";
            case TEAM_STRESS -> "Team stress";
            case ETA_STABLE -> "ETA to stable";
            default -> key;
        };
    }

    public ObjectProperty<TileData> tile(String key) {
        return tiles.get(key);
    }

    public ObservableList<AlertStatus> alerts() {
        return alerts;
    }

    public ObservableList<SourceHealth> sources() {
        return sources;
    }

    public ReadOnlyObjectProperty<ScaleSeverity> scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IncidentSeverity> incidentProperty() {
        return incident.getReadOnlyProperty();
    }

    /** Scale severity with its data state and the change building up (what every banner renders, through
     *  the shared {@link dev.warroom.ui.SeverityDisplay}). */
    public ReadOnlyObjectProperty<SeverityStatus<ScaleSeverity>> scaleStatusProperty() {
        return scaleStatus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SeverityStatus<IncidentSeverity>> incidentStatusProperty() {
        return incidentStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What "1x traffic" means here and where that number comes from (the metrics file or the default). */
    /** Team mode: "Polled and recorded by alice on laptop-3" under the sources; empty on a local file. */
    public ReadOnlyStringProperty recorderProperty() {
        return recorder.getReadOnlyProperty();
    }

    /** Who polls the sources and records the samples (team mode); empty: nobody is named. */
    public void setRecorder(String who) {
        recorder.set(who == null || who.isEmpty() ? "" : "Polled and recorded by " + who);
    }

    public ReadOnlyStringProperty trafficBaselineProperty() {
        return trafficBaseline.getReadOnlyProperty();
    }

    public void setTrafficBaseline(String note) {
        trafficBaseline.set(note == null ? "" : note);
    }

    /**
     * How the dashboard sets up metrics when none run: a fresh "Connect metrics…" form, starting the built-in
     * simulator (off the FX thread; returns the source's name), and what to refresh once a source runs.
     */
    public record MetricsSetup(java.util.function.Supplier<ConnectMetricsViewModel> forms,
                               java.util.concurrent.Callable<String> runSimulator, Runnable started) {
    }

    /** True while no metric source runs: the dashboard offers "Connect metrics…" and "Run the simulator". */
    public javafx.beans.property.ReadOnlyBooleanProperty noSourcesProperty() {
        return noSources.getReadOnlyProperty();
    }

    public void setNoSources(boolean none) {
        noSources.set(none);
    }

    public void setMetricsSetup(MetricsSetup setup) {
        this.setup = setup;
    }

    /** Opens the "Connect metrics…" form; Save writes the metrics file and starts polling the source. */
    public void connectMetrics() {
        if (setup == null) {
            return;
        }
        ConnectMetricsViewModel form = setup.forms().get();
        form.setStarted(source -> setup.started().run());
        dialogs.ask(new ConnectMetricsDialog(form)).ifPresent(f -> {
            f.statusProperty().addListener((o, was, now) -> message.set(now));
            f.save();
        });
    }

    /** Starts the built-in simulator for this session; its tiles say SIMULATED, the metrics file is not changed. */
    public void runSimulator() {
        if (setup == null) {
            return;
        }
        message.set("Starting the simulator…");
        tasks.run(setup.runSimulator(), name -> {
            setup.started().run();
            message.set("Running the built-in simulator (\"" + name + "\") for this session: its numbers are made"
                    + " up and marked SIMULATED; the metrics file is not changed.");
        }, e -> message.set("The simulator did not start: " + e.getMessage()));
    }

    /** The metric keys each source is configured to deliver (source name to keys); see {@link #feeds}. */
    public void setSourceFeeds(Map<String, List<Metric>> feeds) {
        sourceFeeds = Map.copyOf(feeds);
    }

    /**
     * What the sources panel says a source delivers, each key with the unit its value must be in:
     * "feeds error-rate (%) · p95-latency (ms)". A source whose file lists no keys (a simulator's scenario)
     * is described by the metrics it has delivered so far; empty before any.
     */
    public String feeds(String source) {
        List<Metric> keys = sourceFeeds.getOrDefault(source, List.of());
        if (keys.isEmpty()) {
            keys = shown.entrySet().stream().filter(e -> source.equals(e.getValue().source())).map(Map.Entry::getKey)
                    .toList();
        }
        if (keys.isEmpty()) {
            return "";
        }
        return "feeds " + String.join(" · ", keys.stream().map(m -> m.key() + " (" + m.unit() + ")").toList());
    }

    /** The sources whose numbers are made up (the built-in simulator); their tiles show simulated data. */
    public void setSimulatedSources(java.util.Set<String> names) {
        simulatedSources = java.util.Set.copyOf(names);
        updateSimulated();
    }

    /** True while any tile shows a value that a simulated source made up. */
    public javafx.beans.property.ReadOnlyBooleanProperty simulatedProperty() {
        return simulated.getReadOnlyProperty();
    }

    private void updateSimulated() {
        simulated.set(shown.values().stream()
                .anyMatch(r -> simulatedSources.contains(r.source()) && !Double.isNaN(r.value())));
    }

    /** Takes one pulse of metric news; {@code recent} supplies sparkline points per metric. */
    public void apply(FeedBatch batch, BiFunction<Metric, Duration, RecentSeries> recent) {
        for (Metric m : Metric.values()) {
            ObjectProperty<TileData> tile = tiles.get(m.key());
            MetricReading r = batch.readings().get(m);
            if (tile != null && r != null) {
                RecentSeries spark = recent.apply(m, SPARK_WINDOW);
                shown.put(m, r);
                shownSpark.put(m, spark);
                show(tile, tileOf(r, batch.at(), spark));
            }
        }
        updateSimulated();
        showRows(alerts, batch.alerts().stream().sorted(ALERT_ORDER).toList());
        showRows(sources, batch.sources());
        scaleStatus.set(batch.scaleStatus());
        incidentStatus.set(batch.incidentStatus());
        scale.set(batch.scale());
        incident.set(batch.incident());
        updateTeamTiles(batch.at());
    }

    /** A tile is told only news: an equal value leaves it (and its listeners) alone. */
    private static void show(ObjectProperty<TileData> tile, TileData data) {
        if (!data.equals(tile.get())) {
            tile.set(data);
        }
    }

    /** Replaces only the rows that differ, so a list shows a changed row without redrawing every row. */
    static <T> void showRows(javafx.collections.ObservableList<T> rows, List<T> wanted) {
        if (rows.size() != wanted.size()) {
            rows.setAll(wanted);
            return;
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (!wanted.get(i).equals(rows.get(i))) {
                rows.set(i, wanted.get(i));
            }
        }
    }

    static TileData tileOf(MetricReading r, Instant now, RecentSeries spark) {
        Metric m = r.metric();
        String[] figure = FigureFormat.of(m, r.value());
        Band band = r.freshness() == Freshness.FRESH ? r.band() : Band.NONE;
        Trend trend = r.freshness() == Freshness.FRESH ? r.trend().judged(band) : Trend.UNKNOWN;
        return new TileData(m.key(), m.label(), figure[0], figure[1], band, trend, r.freshness(), age(r, now), spark,
                true);
    }

    /** What a tile says under its figure for {@code r} at {@code now}: "4 s ago · simulator", "STALE since …". */
    static String age(MetricReading r, Instant now) {
        String age = switch (r.freshness()) {
            case FRESH -> FigureFormat.age(Duration.between(r.at(), now)) + " · " + r.source()
                    + (r.problem() == null ? "" : " · " + r.problem());
            case STALE -> "STALE" + (r.at() == null ? "" : " since " + FigureFormat.age(Duration.between(r.at(), now)))
                    + (r.problem() == null ? "" : " · " + r.problem());
            case NO_DATA -> r.problem() == null ? "waiting for data" : r.problem();
        };
        if (r.rejected() > 0) {
            age += " · " + r.rejected() + " rejected";
        }
        return age;
    }

    /** The board changed: critical count and board ETA follow it. */
    public void setBoard(Board board) {
        this.board = board;
        updateTeamTiles(clock.instant());
    }

    public void setCrisis(Crisis crisis) {
        this.crisis = crisis;
        updateTeamTiles(clock.instant());
    }

    /**
     * Called every second so ages ("STALE since 12 s ago"), the hours and the ETA count on between metric
     * news.
     */
    public void tick() {
        Instant now = clock.instant();
        // only the age moves between news: the figure, band and trend of the last reading stay as they were shown
        shown.forEach((m, r) -> {
            ObjectProperty<TileData> tile = tiles.get(m.key());
            show(tile, tile.get().withAge(age(r, now)));
        });
        updateTeamTiles(now);
    }

    private void updateTeamTiles(Instant now) {
        TileData hours = crisis == null
                ? new TileData(WAR_ROOM_HOURS, teamLabel(WAR_ROOM_HOURS), "—", "", Band.NONE, Trend.UNKNOWN,
                        Freshness.NO_DATA, "no active crisis", RecentSeries.EMPTY, false)
                : new TileData(WAR_ROOM_HOURS, teamLabel(WAR_ROOM_HOURS),
                        String.format("%.1f", Duration.between(crisis.startedAt(), now).toMinutes() / 60.0), "hours",
                        Duration.between(crisis.startedAt(), now).toHours() >= 72 ? Band.CRITICAL : Band.NONE,
                        Trend.UNKNOWN, Freshness.FRESH, "since " + crisis.clock(crisis.startedAt()).replace("T+00:00",
                        "start") + " · " + crisis.clock(now), RecentSeries.EMPTY, false);
        show(tiles.get(WAR_ROOM_HOURS), hours);
        long critical = TeamStatus.criticalRemaining(board);
        show(tiles.get(CRITICAL_ISSUES), new TileData(CRITICAL_ISSUES, teamLabel(CRITICAL_ISSUES),
                Long.toString(critical), "remaining", critical == 0 ? Band.OK : Band.CRITICAL, Trend.UNKNOWN,
                Freshness.FRESH, "open CRITICAL cards on the board", RecentSeries.EMPTY, false));
        int stress = entered.stress();
        show(tiles.get(TEAM_STRESS), new TileData(TEAM_STRESS, teamLabel(TEAM_STRESS),
                stress == 0 ? "—" : Integer.toString(stress), stress == 0 ? "" : "/ 10",
                stress == 0 ? Band.NONE : stress >= 8 ? Band.CRITICAL : stress >= 6 ? Band.WARN : Band.OK,
                Trend.UNKNOWN, stress == 0 ? Freshness.NO_DATA : Freshness.FRESH,
                stress == 0 ? "not entered yet · Team status…" : "entered by the commander", RecentSeries.EMPTY,
                false));
        Instant eta = entered.etaStable() != null ? entered.etaStable() : TeamStatus.boardEta(board).orElse(null);
        String from = entered.etaStable() != null ? "entered by the commander" : "latest ETA of open critical cards";
        show(tiles.get(ETA_STABLE), eta == null
                ? new TileData(ETA_STABLE, teamLabel(ETA_STABLE), "—", "", Band.NONE, Trend.UNKNOWN,
                        Freshness.NO_DATA, "no ETA on critical cards · Team status…", RecentSeries.EMPTY, false)
                : new TileData(ETA_STABLE, teamLabel(ETA_STABLE), etaFigure(eta, now)[0], etaFigure(eta, now)[1],
                        now.isAfter(eta) ? Band.CRITICAL : Band.NONE, Trend.UNKNOWN, Freshness.FRESH,
                        "at " + java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(eta.atZone(zone))
                                + " · " + from, RecentSeries.EMPTY, false));
    }

    /** Shows a lasting problem with the metrics (e.g. a broken metrics file); null or blank: none. */
    public void reportProblem(String problem) {
        if (problem != null && !problem.isBlank()) {
            message.set(problem);
        }
    }

    /** How the view stops and resumes polling a source (the poller, in the app). */
    public void setSourceSwitch(java.util.function.BiConsumer<String, Boolean> sourceSwitch) {
        this.sourceSwitch = sourceSwitch;
    }

    /**
     * Stops ({@code true}) or resumes polling {@code source}; its tiles go stale while stopped, so stopping
     * asks first (one stray click would turn every tile it feeds STALE).
     */
    public void stopSource(String source, boolean stop) {
        if (stop && !dialogs.confirm("Stop polling " + source + "?", "Every tile fed by " + source
                + " turns STALE until you resume it, and no new values are recorded from it meanwhile.",
                "Stop polling")) {
            return;
        }
        sourceSwitch.accept(source, stop);
        message.set(stop ? "Stopped polling " + source + "; its tiles go stale." : "Polling " + source + " again.");
    }

    /** Shows the full text of {@code source}'s last failure (tiles and the panel show the first line). */
    public void showSourceFailure(dev.warroom.metrics.SourceHealth source) {
        if (source.lastFailure() != null) {
            dialogs.showText("Last failure of " + source.name(), source.lastFailure());
        }
    }

    public void refreshTeam() {
        tasks.run(() -> team.entered(), e -> {
            entered = e;
            updateTeamTiles(clock.instant());
        }, e -> message.set("Could not read team status: " + e.getMessage()));
    }

    /** Asks for stress and ETA to stable, then records them. */
    public void editTeamStatus() {
        TeamStatusForm initial = new TeamStatusForm(entered.stress() == 0 ? "" : Integer.toString(entered.stress()),
                entered.etaStable() == null ? "" : java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                        .format(entered.etaStable().atZone(zone)));
        dialogs.ask(new TeamStatusDialog(initial, input -> {
                    try {
                        parse(input);
                        return null;
                    } catch (InvalidInputException e) {
                        return e.getMessage();
                    }
                })).ifPresent(input -> {
                    TeamEntry parsed = parse(input);
                    tasks.run(() -> team.set(parsed.stress(), parsed.eta()), e -> {
                        entered = e;
                        updateTeamTiles(clock.instant());
                        message.set("Team status recorded.");
                    }, e -> message.set(e.getMessage()));
                });
    }

    /** Team stress and ETA to stable as read from the form. */
    private record TeamEntry(int stress, Instant eta) {
    }

    private TeamEntry parse(TeamStatusForm input) {
        int stress;
        try {
            stress = Integer.parseInt(input.stress().strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("stress", "Team stress \"" + input.stress().strip()
                    + "\" is not a whole number from 1 to 10.");
        }
        if (stress < 1 || stress > 10) {
            throw new InvalidInputException("stress", "Team stress is " + stress + "; use 1 (calm) to 10 (breaking).");
        }
        Instant eta = Eta.parse(input.eta(), clock.instant(), zone);
        return new TeamEntry(stress, eta);
    }

    /**
     * "2h 06m" and "left", "59m" and "late": the figure in the tile's large type, the word beside it in the
     * unit's small type, so an overdue ETA does not widen every tile column of a 1366-pixel screen.
     */
    static String[] etaFigure(Instant eta, Instant now) {
        String text = Eta.remaining(eta, now);
        if (text.endsWith(" overdue")) {
            // "late": "overdue" beside "1h 04m" does not fit a tile at 1366 pixels; the tile is red besides
            return new String[] {text.substring(0, text.length() - " overdue".length()), "late"};
        }
        if (text.endsWith(" left")) {
            return new String[] {text.substring(0, text.length() - " left".length()), "left"};
        }
        return new String[] {text, ""};
    }
}
