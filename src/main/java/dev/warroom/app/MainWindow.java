package dev.warroom.app;

import dev.warroom.domain.comms.DueState;
import dev.warroom.ui.ClockTicker;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.FxDialogService;
import dev.warroom.ui.HandoverTaskRunner;
import dev.warroom.ui.LiveView;
import dev.warroom.ui.Subscriptions;
import dev.warroom.ui.Theme;
import dev.warroom.ui.WarRoomState;
import dev.warroom.ui.board.BoardView;
import dev.warroom.ui.board.BoardViewModel;
import dev.warroom.ui.comms.Chime;
import dev.warroom.ui.comms.CommsView;
import dev.warroom.ui.comms.CommsViewModel;
import dev.warroom.ui.crisis.CrisisView;
import dev.warroom.ui.crisis.CrisisViewModel;
import dev.warroom.ui.dashboard.DashboardView;
import dev.warroom.ui.dashboard.DashboardViewModel;
import dev.warroom.ui.dashboard.MetricChartView;
import dev.warroom.ui.dashboard.MetricsPulse;
import dev.warroom.ui.dashboard.SeverityBanner;
import dev.warroom.ui.debt.DebtView;
import dev.warroom.ui.debt.DebtViewModel;
import dev.warroom.ui.plan.PlanView;
import dev.warroom.ui.plan.PlanViewModel;
import dev.warroom.ui.shell.ShellView;
import dev.warroom.ui.shell.ShellViewModel;
import dev.warroom.ui.timeline.TimelineView;
import dev.warroom.ui.timeline.TimelineViewModel;
import dev.warroom.ui.Command;
import dev.warroom.ui.comms.CommsCommands;
import dev.warroom.ui.crisis.CrisisCommands;
import dev.warroom.ui.debt.DebtCommands;
import dev.warroom.ui.plan.PlanCommands;
import dev.warroom.ui.timeline.TimelineCommands;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The laptop window: the shell with its seven views, built from the app context. The first view is built with
 * the window, each other one the first time it is shown (their commands are listed from the start). The views
 * are attached while shown; what must run whatever view is shown (the header clock, the comms schedule behind
 * the due banner, SLA breaches going to the record) runs on the shell's own tick. Used by the app and by UI tests.
 */
public final class MainWindow {
    /** SLA breaches are written to the timeline at most this often (seconds). */
    private static final int BREACH_CHECK_SECONDS = 5;
    /** An open timeline that follows the live end reloads this often (seconds). */
    private static final int TIMELINE_REFRESH_SECONDS = 15;
    /** The ticker owner of what runs whichever view is shown. */
    public static final String SHELL_TICK = "shell";
    /** A style class no stylesheet names: see {@link #prepare}. */
    private static final String REHEARSAL = "restyle-rehearsal";

    private final WarRoomContext context;
    private final Stage stage;
    private final BoardViewModel board;
    private final ShellViewModel shell;
    private final DashboardViewModel dashboard;
    private final CommsViewModel comms;
    private final CrisisViewModel crisis;
    private final dev.warroom.ui.crisis.ActorViewModel actor;
    private final DebtViewModel debt;
    private final PlanViewModel plan;
    private final TimelineViewModel timeline;
    private final MetricsPulse pulse;
    private final WallWindow wall;
    private final ShellView shellView;
    private final Subscriptions subscriptions = new Subscriptions();
    /** The window's runners: in line while it is built off the FX thread, the app's once it is shown. */
    private final HandoverTaskRunner writes;
    private final HandoverTaskRunner background;
    private Scene scene;
    private ClockTicker.Tick tick;
    /** Team mode: what re-reads this window when another client changed the database; null on a local file. */
    private Runnable othersChange;

    private MainWindow(WarRoomContext context, Stage stage, Chime chime, FxDialogService.ExportChooser exports,
                       boolean offFxThread) {
        this.context = context;
        this.stage = stage;
        writes = offFxThread ? HandoverTaskRunner.building(context.writes()) : HandoverTaskRunner.shown(context.writes());
        background = offFxThread ? HandoverTaskRunner.building(context.background())
                : HandoverTaskRunner.shown(context.background());
        WarRoomState state = context.state();
        state.readWith(background);
        DialogService dialogs = new FxDialogService(() -> stage, exports);

        board = new BoardViewModel(context.boards(), context.demo(), writes, dialogs, context.zone());
        board.setOtherPeople(() -> {
            java.util.List<String> people = new java.util.ArrayList<>(state.present());
            if (state.crisisProperty().get() != null) {
                people.addAll(state.crisisProperty().get().holders().values());
            }
            return people;
        });
        board.readOnlyProperty().set(context.readOnly());
        board.setAfterChange(state::reloadCrisis);
        subscriptions.listen(board.boardProperty(), (o, a, b) -> state.publishBoard(b));

        shell = new ShellViewModel(context.crises(), state, context.preferences(), writes, dialogs,
                context.clock(), context.zone(), context.databaseLocation(), context.readOnlyReason());

        dashboard = new DashboardViewModel(context.team(), writes, dialogs, context.clock(),
                context.zone());
        dashboard.setSourceSwitch((name, stop) -> context.metrics().poller().setStopped(name, stop));
        dashboard.reportProblem(context.metricsProblem());
        dashboard.setTrafficBaseline(context.metrics().config().trafficBaselineNote());
        Runnable sourcesChanged = () -> {
            dashboard.setSourceFeeds(context.metrics().sources().stream().collect(java.util.stream.Collectors.toMap(
                    dev.warroom.config.SourceConfig::name, dev.warroom.config.SourceConfig::feeds, (a, b) -> a)));
            dashboard.setSimulatedSources(context.metrics().simulatedSources());
            dashboard.setNoSources(context.metrics().noSources());
        };
        sourcesChanged.run();
        dashboard.setMetricsSetup(new DashboardViewModel.MetricsSetup(
                () -> new dev.warroom.ui.dashboard.ConnectMetricsViewModel(context.metrics().metricsFile(),
                        background, dialogs, context.clock(), System::getenv, context.metrics()::connect),
                () -> {
                    dev.warroom.config.SourceConfig simulator = dev.warroom.config.MetricsConfigLoader.defaultMetrics()
                            .sources().get(0);
                    context.metrics().connect(simulator);
                    return simulator.name();
                }, sourcesChanged));
        state.followSeverities(dashboard.scaleStatusProperty(), dashboard.incidentStatusProperty());
        dashboard.setSimulatedSources(context.metrics().simulatedSources());
        state.followSimulated(dashboard.simulatedProperty());
        subscriptions.listen(state.boardProperty(), (o, a, b) -> dashboard.setBoard(b));
        pulse = new MetricsPulse(context.metrics().feed(), dashboard);

        comms = new CommsViewModel(context.comms(), context.templates(), context.preferences(), writes,
                dialogs, text -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text)),
                chime, context.zone(), context.config().soundByDefault());
        subscriptions.listen(comms.schedule(),
                (javafx.collections.ListChangeListener<dev.warroom.domain.comms.DueMessage>) c ->
                        state.publishSchedule(comms.schedule()));
        subscriptions.listen(comms.deliveries().undeliveredProperty(), (o, a, text) -> state.publishUndelivered(text));
        shell.dueBannerProperty().bind(comms.bannerProperty());
        shell.dueNextProperty().bind(comms.nextMessageProperty());
        shell.dueLevelProperty().bind(comms.bannerLevelProperty().map(l -> l == DueState.OVERDUE ? "overdue"
                : l == DueState.DUE ? "due" : ""));

        crisis = new CrisisViewModel(context.crises(), state, writes, dialogs, context.zone());
        actor = new dev.warroom.ui.crisis.ActorViewModel(context.actorNames(), context.actor(), writes,
                dialogs, context.config().actor());
        debt = new DebtViewModel(context.debts(), writes, dialogs, context.zone());
        debt.setReadOnly(context.readOnly());
        plan = new PlanViewModel(context.checklists(), context.plans(), writes, dialogs, context.zone());
        plan.setReadOnly(context.readOnly());
        timeline = new TimelineViewModel(context.timeline(), background, writes, dialogs,
                context.clock(), context.zone());
        timeline.setReports(context.reports());
        subscriptions.listen(state.crisisProperty(), (o, a, c) -> {
            Optional<dev.warroom.domain.Crisis> now = Optional.ofNullable(c).map(dev.warroom.domain.CrisisOverview::crisis);
            dashboard.setCrisis(now.orElse(null));
            timeline.setCrisis(now.orElse(null));
            comms.refresh();
        });

        wall = new WallWindow(stage, context, dashboard);
        shell.setWall(wall::open, wall::toggle);
        context.onScaleEscalation(change -> Platform.runLater(() -> wall.whenUncovered(
                () -> shell.offerCrisis(change.to().name(), String.format("%.0fx", change.value())))));

        ClockTicker ticker = context.ticker();
        Map<String, LiveView> views = new LinkedHashMap<>();
        views.put("Board", BoardView.create(board, ticker));
        // the other views are built the first time they are shown: the window opens without them
        views.put("Dashboard", LiveView.lazy(() -> LiveView.ticking(DashboardView.load(dashboard,
                        metric -> MetricChartView.open(stage, metric, context.history(), background,
                                context.zone())),
                ticker, "dashboard", dashboard::tick, dashboard::tick))
                .with(List.of(Command.of("Team status…", null, dashboard::editTeamStatus))));
        views.put("Crisis", LiveView.lazy(() -> LiveView.ticking(CrisisView.load(crisis, actor), ticker, "crisis",
                crisis::refresh, () -> crisis.nowProperty().set(context.clock().instant())))
                .with(CrisisCommands.of(crisis)));
        views.put("Comms", LiveView.lazy(() -> LiveView.following(CommsView.load(comms), comms::setPreviewShown))
                .with(CommsCommands.of(comms)));
        views.put("Debt", LiveView.lazy(() -> LiveView.ticking(DebtView.load(debt), ticker, "debt", debt::refresh,
                () -> { })).with(DebtCommands.of(debt)));
        LiveView planView = LiveView.lazy(() -> LiveView.ticking(PlanView.load(plan), ticker, "plan", plan::refresh,
                () -> { }));
        views.put("Plan", planView.with(PlanCommands.of(plan, () -> (javafx.scene.Parent) planView.node())));
        views.put("Timeline", LiveView.lazy(() -> TimelineView.create(timeline, ticker, TIMELINE_REFRESH_SECONDS))
                .with(TimelineCommands.of(timeline)));
        SeverityBanner banner = new SeverityBanner();
        banner.follow(state.severity(), subscriptions);
        shellView = ShellView.create(shell, views, banner);
        if (context.teamDatabase()) {
            shell.followTeam();
            dashboard.setRecorder(state.recorderProperty().get());
            subscriptions.listen(state.recorderProperty(), (o, a, who) -> dashboard.setRecorder(who));
            othersChange = state.onOthersChange(() -> {
                board.refresh();
                comms.refresh();
                dashboard.refreshTeam();
                shellView.refreshShown();
            });
        }
    }

    /**
     * Builds and shows the main window over {@code context} on the FX thread and starts the context (ticker,
     * metrics, recorder). Its first reads go to the app's runners and come back as they finish. Closing the window
     * detaches the view on screen, closes the wall and stops the window's ticks; the app (or the test) then closes
     * the context.
     */
    public static MainWindow show(Stage stage, WarRoomContext context, Optional<Theme> theme, Chime chime) {
        return show(stage, context, theme, chime, FxDialogService.SAVE_DIALOG);
    }

    /** As {@link #show(Stage, WarRoomContext, Optional, Chime)}, with exports (debt, post-mortem) going where
     * {@code exports} says instead of through the system's save dialog (headless tests). */
    public static MainWindow show(Stage stage, WarRoomContext context, Optional<Theme> theme, Chime chime,
                                  FxDialogService.ExportChooser exports) {
        MainWindow window = new MainWindow(context, stage, chime, exports, false);
        window.build(theme, Screen.getPrimary().getVisualBounds());
        window.show();
        return window;
    }

    /**
     * Builds the main window away from the FX thread, while the opening screen shows: its views, its first reads
     * (crisis, board, comms, your name) and its theme, then styles and lays out the whole window at the size it
     * will have, so the FX thread only swaps it in ({@link #show()}). Until then the window and its view models
     * belong to the calling thread; nothing of theirs reaches the FX thread. Waits for the FX thread once, to make
     * the theme the default for every window. {@code screen}: the bounds the window will cover.
     */
    public static MainWindow prepare(Stage stage, WarRoomContext context, Optional<Theme> theme, Chime chime,
                                     Rectangle2D screen) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("prepare builds the window away from the FX thread; use show there");
        }
        MainWindow window = new MainWindow(context, stage, chime, FxDialogService.SAVE_DIALOG, true);
        window.build(theme, screen);
        javafx.scene.Parent root = window.scene.getRoot();
        root.applyCss();
        root.layout();
        // JavaFX styles a scene again, whole, when its window shows it: the FX thread's first pulse of this window
        // is that pass. Made here twice beforehand (a style class no rule names, added then taken away), it runs
        // compiled and over warm style caches when it counts: about 20-40 ms instead of 50-100 ms with 500 cards.
        root.getStyleClass().add(REHEARSAL);
        root.applyCss();
        root.layout();
        root.getStyleClass().remove(REHEARSAL);
        root.applyCss();
        root.layout();
        return window;
    }

    private void build(Optional<Theme> theme, Rectangle2D screen) {
        scene = new Scene(shellView.node(), Math.max(1024, screen.getWidth()), Math.max(640, screen.getHeight()));
        shell.initialTheme(theme);
        Theme chosen = shell.themeProperty().get();
        onFxThread(chosen::makeDefault);
        chosen.style(scene);
        shell.themeProperty().addListener((o, a, t) -> t.apply(scene));
        shell.refreshCrisis();
        board.refresh();
        crisis.refresh();
        actor.load();
        comms.load();
    }

    /** The window's scene, built by {@link #prepare} or {@link #show(Stage, WarRoomContext, Optional, Chime)}. */
    Scene builtScene() {
        return scene;
    }

    /**
     * Runs {@code work} on the FX thread and waits for it (at once when already there). Gives up when the stage is
     * closed meanwhile (the app is closing and its FX thread may never run the work).
     */
    private void onFxThread(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
            return;
        }
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                work.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        while (true) {
            try {
                done.get(250, java.util.concurrent.TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException waiting) {
                if (!stage.isShowing()) {
                    throw new java.util.concurrent.CancellationException("the window closed while it was built");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted while the window was built");
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Shows the built window on its stage, over the opening screen, and starts the context. On the FX thread; from
     * here on the window's work goes to the app's runners.
     */
    public void show() {
        writes.handOver();
        background.handOver();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        // the window covers the screen: a size the stage kept from an earlier scene (a smaller window) does not stay
        stage.setWidth(scene.getWidth());
        stage.setHeight(scene.getHeight());
        stage.setTitle("War Room");
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        stage.show();
        long[] seconds = {0};
        tick = context.ticker().subscribe(SHELL_TICK, () -> {
            shell.tick();
            context.state().severity().tick();
            if (++seconds[0] % BREACH_CHECK_SECONDS == 0) {
                board.recordBreaches();
            }
            if (seconds[0] % CommsViewModel.REFRESH_SECONDS == 0) {
                comms.poll();
            } else {
                comms.tick(context.clock().instant());
            }
        });
        context.start();
        pulse.start();
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> close());
    }

    /** Detaches the view on screen, stops the window's tick, the metrics pulse and its listeners. */
    private void close() {
        shellView.detach();
        wall.close();
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
        pulse.stop();
        subscriptions.close();
        if (othersChange != null) {
            othersChange.run();
            othersChange = null;
        }
    }

    /**
     * First start (no name configured or saved): asks for the user's name or handle, prefilled with the
     * operating-system user. The app calls it; UI tests, {@code --wall} and {@code --report} never do.
     */
    public void askNameIfUnknown() {
        actor.loadAndAskIfUnknown();
    }

    /** The wall this window opens with F11. */
    public WallWindow wall() {
        return wall;
    }

    /** The views built so far: the first at once, each other one when first shown. */
    public List<String> builtViews() {
        return shellView.builtViews();
    }

    /** Every command the window offers (the palette's list), whether or not its view is built yet. */
    public List<dev.warroom.ui.shell.CommandList.Entry> commands() {
        return shellView.commands().entries();
    }

    /** The name of the view on screen. */
    public String shownView() {
        return shellView.shownName();
    }
}
