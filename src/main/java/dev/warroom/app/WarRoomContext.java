package dev.warroom.app;

import dev.warroom.config.AppConfig;
import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.ChecklistLoader;
import dev.warroom.crisis.ChecklistService;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.DebtService;
import dev.warroom.crisis.DemoCrisis;
import dev.warroom.crisis.DisplayPreferences;
import dev.warroom.crisis.FeedFigures;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.MetricHistory;
import dev.warroom.crisis.MetricsRecorder;
import dev.warroom.crisis.PlanService;
import dev.warroom.crisis.TeamStatus;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.crisis.comms.TemplateLibrary;
import dev.warroom.crisis.report.ReportService;
import dev.warroom.crisis.timeline.TimelineService;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityChange;
import dev.warroom.metrics.LiveMetrics;
import dev.warroom.store.Database;
import dev.warroom.ui.ClockTicker;
import dev.warroom.ui.ExecutorTaskRunner;
import dev.warroom.ui.TaskRunner;
import dev.warroom.ui.WarRoomState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything one running War Room shares, built once at start: the database, every service, the one
 * write executor (all changes, the metrics recorder's too), a small background pool (reads, charts,
 * replay, reports), one clock ticker and the shared observable state. Windows and views get what they
 * need from here and never see the database. On the team database it also follows the other clients:
 * their changes, the connection and who is present reach the shared state. {@link #close()} stops it all
 * and closes the database.
 */
public final class WarRoomContext implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WarRoomContext.class.getName());
    /** Threads in the background pool: enough for a report and a chart at once on a laptop. */
    static final int BACKGROUND_THREADS = 2;

    private final Database database;
    private final AppConfig config;
    private final Clock clock;
    private final ZoneId zone;
    private final dev.warroom.crisis.Actor actor;
    private final LiveMetrics metrics;
    private final String metricsProblem;
    private final ScheduledExecutorService writeExecutor;
    private final ExecutorService backgroundPool;
    private final TaskRunner writes;
    private final TaskRunner background;
    private final ClockTicker ticker;
    private final WarRoomState state;
    private final MetricsRecorder recorder;
    private final TeamLink teamLink;
    /** Team mode: who polls and records; null on a local file (this War Room always does). */
    private final RecorderDuty duty;
    private volatile Consumer<SeverityChange<ScaleSeverity>> escalation = change -> { };

    private final BoardService boards;
    private final CrisisService crises;
    private final DemoCrisis demo;
    private final TeamStatus team;
    private final MetricHistory history;
    private final CommsService comms;
    private final TemplateLibrary templates;
    private final DisplayPreferences preferences;
    private final DebtService debts;
    private final ChecklistService checklists;
    private final PlanService plans;
    private final TimelineService timeline;
    private final ReportService reports;
    private boolean started;
    private boolean closed;

    private WarRoomContext(Builder b) {
        database = b.database;
        config = b.config;
        clock = b.clock;
        zone = b.zone;
        metrics = b.metrics;
        metricsProblem = b.metricsProblem;
        actor = new dev.warroom.crisis.Actor(config.actor() != null ? config.actor()
                : System.getProperty("user.name", "commander"));
        writeExecutor = Executors.newSingleThreadScheduledExecutor(named("warroom-writer", false));
        backgroundPool = Executors.newFixedThreadPool(BACKGROUND_THREADS, named("warroom-background", true));
        writes = b.writes != null ? b.writes : new ExecutorTaskRunner(writeExecutor);
        background = b.background != null ? b.background : new ExecutorTaskRunner(backgroundPool);
        LiveFigures figures = b.figures != null ? b.figures : new FeedFigures(metrics.feed(), database);

        boards = new BoardService(database, clock, actor, config.initialPolicy());
        crises = new CrisisService(database, clock, actor, config.extraRoles());
        demo = new DemoCrisis(database, clock, actor);
        team = new TeamStatus(database, clock, actor);
        history = new MetricHistory(database, clock);
        comms = new CommsService(database, clock, actor, config.cadence(), figures, zone,
                config.channelSettings());
        templates = new TemplateLibrary(b.templateFolder);
        preferences = new DisplayPreferences(database);
        debts = new DebtService(database, clock, actor);
        checklists = new ChecklistService(database, clock, actor, ChecklistLoader.loadBuiltIn());
        plans = new PlanService(database, clock, actor, figures);
        timeline = new TimelineService(database, clock, actor, config.initialPolicy());
        reports = new ReportService(database, clock, zone, ChecklistLoader.loadBuiltIn(), config.extraRoles());
        java.util.Optional<dev.warroom.store.TeamSession> session = database.teamSession();
        if (session.isPresent() && !database.readOnly()) {
            // team mode: only the elected recorder polls and records; the others show what it recorded
            dev.warroom.store.RecorderElection election = session.get().recorderElection();
            dev.warroom.store.SampleRepository archive = election.samples();
            recorder = new MetricsRecorder(database, archive, clock, change -> escalation.accept(change),
                    election::leading);
            duty = new RecorderDuty(election, metrics, archive, clock);
        } else {
            recorder = new MetricsRecorder(database, clock, change -> escalation.accept(change));
            duty = null;
        }
        metrics.feed().addListener(recorder);
        ticker = new ClockTicker();
        state = new WarRoomState(crises::activeOverview, background, clock);
        teamLink = database.teamSession().map(s -> new TeamLink(s, state, background, ticker)).orElse(null);
    }

    private static ThreadFactory named(String prefix, boolean numbered) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, numbered ? prefix + "-" + n.incrementAndGet() : prefix);
            t.setDaemon(true);
            return t;
        };
    }

    public static Builder builder(Database database, AppConfig config, LiveMetrics metrics) {
        return new Builder(database, config, metrics);
    }

    /** What the context is built from; everything but the database, configuration and metrics has a default. */
    public static final class Builder {
        private final Database database;
        private final AppConfig config;
        private final LiveMetrics metrics;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.systemDefault();
        private String metricsProblem;
        private Path templateFolder;
        private LiveFigures figures;
        private TaskRunner writes;
        private TaskRunner background;

        private Builder(Database database, AppConfig config, LiveMetrics metrics) {
            this.database = Objects.requireNonNull(database);
            this.config = Objects.requireNonNull(config);
            this.metrics = Objects.requireNonNull(metrics);
        }

        public Builder clock(Clock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
            return this;
        }

        /** Why the metrics run without sources (shown on the dashboard); null when they are fine. */
        public Builder metricsProblem(String problem) {
            this.metricsProblem = problem;
            return this;
        }

        /** The user's message templates (beside the --config file), or null. */
        public Builder templateFolder(Path folder) {
            this.templateFolder = folder;
            return this;
        }

        /** Live values for templates and key results; by default the metrics feed's and the archive's. */
        public Builder figures(LiveFigures figures) {
            this.figures = figures;
            return this;
        }

        /** Replaces the writer and background runners (tests run them in line). */
        public Builder runners(TaskRunner writes, TaskRunner background) {
            this.writes = writes;
            this.background = background;
            return this;
        }

        public WarRoomContext build() {
            return new WarRoomContext(this);
        }
    }

    /**
     * Starts the ticker, the metric sources and the recorder (FX thread, once the first window shows).
     */
    public void start() {
        if (started || closed) {
            return;
        }
        started = true;
        if (teamLink != null) {
            teamLink.start();
        }
        ticker.start();
        recorder.start(writeExecutor);
        if (duty != null) {
            duty.start();
        } else {
            metrics.start();
        }
    }

    /** Who is told (on a poller thread) when scale severity rises to SURGE or VIRAL. */
    public void onScaleEscalation(Consumer<SeverityChange<ScaleSeverity>> escalation) {
        this.escalation = escalation;
    }

    /**
     * Stops the ticker and the poller, lets queued writes and the recorder's last flush finish (bounded
     * wait), stops the background pool and closes the database. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (teamLink != null) {
            teamLink.close();
        }
        ticker.close();
        if (duty != null) {
            duty.stopTurns();
        }
        metrics.close();
        try {
            writeExecutor.execute(recorder::close);
        } catch (java.util.concurrent.RejectedExecutionException alreadyStopped) {
            LOG.fine("writer already stopped");
        }
        writeExecutor.shutdown();
        backgroundPool.shutdownNow();
        try {
            if (!writeExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "Queued writes did not finish within 5 s of closing");
            }
            backgroundPool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (duty != null) {
            duty.close(); // after the recorder's last flush, which writes through the recorder's lock
        }
        database.close();
    }

    public boolean closed() {
        return closed;
    }

    /** The one database writer thread, for work that writes in the app's own order (the alert intake). */
    Executor writer() {
        return writeExecutor;
    }

    /** True once the writer and the background pool have stopped (after {@link #close()}). */
    boolean executorsStopped() {
        return writeExecutor.isTerminated() && backgroundPool.isTerminated();
    }

    // what windows and views get

    public AppConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Who is at the keyboard: every service records its events under the name this holds at the time. */
    public dev.warroom.crisis.Actor actor() {
        return actor;
    }

    /** Reads and saves the name asked at first start and changed in the Crisis view. */
    public dev.warroom.crisis.ActorName actorNames() {
        return new dev.warroom.crisis.ActorName(database);
    }

    public LiveMetrics metrics() {
        return metrics;
    }

    /** Why the metrics run without sources; null when they are fine. */
    public String metricsProblem() {
        return metricsProblem;
    }

    /** The database file, for the status line; null for the team database (see {@link #databaseLocation()}). */
    public Path databaseFile() {
        return database.file();
    }

    /** Where the data is, for the status line: the H2 file, or "team database NAME on HOST:PORT as USER". */
    public String databaseLocation() {
        return database.location();
    }

    /** Team mode: true while this War Room is the one polling the sources and recording; always true on a file. */
    public boolean recordingMetrics() {
        return duty == null || duty.recording();
    }

    /** True on the shared team database (PostgreSQL), false on a local file. */
    public boolean teamDatabase() {
        return database.team();
    }

    public boolean readOnly() {
        return database.readOnly();
    }

    /** Why the database is read-only; null when it is writable. */
    public String readOnlyReason() {
        return database.readOnlyReason();
    }

    /** The one writer: every change goes through it, in order. */
    public TaskRunner writes() {
        return writes;
    }

    /** The background pool: reads, charts, replay and reports, so a change never waits behind them. */
    public TaskRunner background() {
        return background;
    }

    public ClockTicker ticker() {
        return ticker;
    }

    public WarRoomState state() {
        return state;
    }

    public BoardService boards() {
        return boards;
    }

    public CrisisService crises() {
        return crises;
    }

    public DemoCrisis demo() {
        return demo;
    }

    public TeamStatus team() {
        return team;
    }

    public MetricHistory history() {
        return history;
    }

    public CommsService comms() {
        return comms;
    }

    public TemplateLibrary templates() {
        return templates;
    }

    public DisplayPreferences preferences() {
        return preferences;
    }

    public DebtService debts() {
        return debts;
    }

    public ChecklistService checklists() {
        return checklists;
    }

    public PlanService plans() {
        return plans;
    }

    public TimelineService timeline() {
        return timeline;
    }

    public ReportService reports() {
        return reports;
    }
}
