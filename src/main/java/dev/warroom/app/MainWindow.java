package dev.warroom.app;

import dev.warroom.crisis.AppConfig;
import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.DemoCrisis;
import dev.warroom.crisis.DisplayPreferences;
import dev.warroom.crisis.MetricHistory;
import dev.warroom.crisis.MetricsRecorder;
import dev.warroom.crisis.TeamStatus;
import dev.warroom.metrics.LiveMetrics;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.crisis.comms.TemplateLibrary;
import dev.warroom.domain.comms.DueState;
import dev.warroom.store.Database;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.FxDialogService;
import dev.warroom.ui.TaskRunner;
import dev.warroom.ui.Theme;
import dev.warroom.ui.board.BoardView;
import dev.warroom.ui.dashboard.DashboardView;
import dev.warroom.ui.dashboard.DashboardViewModel;
import dev.warroom.ui.dashboard.MetricChartView;
import dev.warroom.ui.dashboard.MetricsPulse;
import dev.warroom.ui.dashboard.SeverityBanner;
import dev.warroom.ui.board.BoardViewModel;
import dev.warroom.ui.comms.Chime;
import dev.warroom.ui.comms.CommsView;
import dev.warroom.ui.comms.CommsViewModel;
import dev.warroom.ui.crisis.CrisisView;
import dev.warroom.ui.crisis.CrisisViewModel;
import dev.warroom.ui.shell.ShellView;
import dev.warroom.ui.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Wires services, view models and views into the main window. Used by the app and by UI tests. */
public final class MainWindow {
    /** SLA breaches are written to the timeline at most this often (seconds). */
    private static final int BREACH_CHECK_SECONDS = 5;
    /** An open timeline that follows the live end reloads this often (seconds). */
    private static final int TIMELINE_REFRESH_SECONDS = 15;

    private MainWindow() {
    }

    /**
     * Builds and shows the main window. {@code metrics} may have no sources (then {@code metricsProblem}
     * says why); it is started here and its recorder closes with the window.
     */
    public static void show(Stage stage, Database database, AppConfig config, Clock clock, ZoneId zone,
                            TaskRunner tasks, Optional<Theme> theme, LiveMetrics metrics, String metricsProblem) {
        show(stage, database, config, clock, zone, tasks, theme, metrics, metricsProblem,
                new dev.warroom.crisis.FeedFigures(metrics.feed(), database), null, Chime.silent());
    }

    /**
     * @param figures        live values for templates, key results and decision suggestions (the feed's, in the app)
     * @param templateFolder the user's message templates (beside the --config file), or null
     * @param chime          the sound played when a message becomes due
     */
    public static void show(Stage stage, Database database, AppConfig config, Clock clock, ZoneId zone,
                            TaskRunner tasks, Optional<Theme> theme, LiveMetrics metrics, String metricsProblem,
                            LiveFigures figures, Path templateFolder, Chime chime) {
        String actor = config.actor() != null ? config.actor() : System.getProperty("user.name", "commander");
        DialogService dialogs = new FxDialogService(() -> stage);

        BoardService boardService = new BoardService(database, clock, actor, config.initialPolicy());
        CrisisService crisisService = new CrisisService(database, clock, actor, config.extraRoles());
        BoardViewModel board = new BoardViewModel(boardService, new DemoCrisis(database, clock, actor), tasks,
                dialogs, zone);
        board.readOnlyProperty().set(database.readOnly());
        ShellViewModel shell = new ShellViewModel(crisisService, new DisplayPreferences(database), tasks, dialogs,
                clock, zone, database.file().toString(), database.readOnlyReason());
        board.setAfterChange(shell::refreshCrisis);

        DashboardViewModel dashboard = new DashboardViewModel(new TeamStatus(database, clock, actor), tasks, dialogs,
                clock, zone);
        dashboard.setSourceSwitch((name, stop) -> metrics.poller().setStopped(name, stop));
        dashboard.reportProblem(metricsProblem);
        board.boardProperty().addListener((o, a, b) -> dashboard.setBoard(b));
        shell.crisisProperty().addListener((o, a, c) -> dashboard.setCrisis(c));
        MetricHistory history = new MetricHistory(database, clock);
        WallWindow[] wall = {null};
        MetricsRecorder recorder = new MetricsRecorder(database, clock, change -> Platform.runLater(
                () -> wall[0].whenUncovered(
                        () -> shell.offerCrisis(change.to().name(), String.format("%.0fx", change.value())))));
        metrics.feed().addListener(recorder);
        MetricsPulse pulse = new MetricsPulse(metrics.feed(), dashboard);

        CommsService commsService = new CommsService(database, clock, actor, config.cadence(), figures, zone);
        CommsViewModel comms = new CommsViewModel(commsService, new TemplateLibrary(templateFolder),
                new DisplayPreferences(database), tasks, dialogs,
                text -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text)), chime, zone,
                config.soundByDefault());
        CrisisViewModel crisis = new CrisisViewModel(crisisService, tasks, dialogs, zone);
        shell.dueBannerProperty().bind(comms.bannerProperty());
        shell.dueLevelProperty().bind(comms.bannerLevelProperty().map(l -> l == DueState.OVERDUE ? "overdue"
                : l == DueState.DUE ? "due" : ""));
        Runnable crisisChanged = () -> {
            shell.refreshCrisis();
            crisis.refresh();
            comms.refresh();
        };
        shell.setAfterCrisisChange(crisisChanged);
        crisis.setAfterChange(crisisChanged);

        Map<String, Node> views = new LinkedHashMap<>();
        views.put("Board", BoardView.load(board));
        views.put("Dashboard", DashboardView.load(dashboard,
                metric -> MetricChartView.open(stage, metric, history, tasks, zone)));
        views.put("Crisis", CrisisView.load(crisis));
        views.put("Comms", CommsView.load(comms));
        dev.warroom.ui.debt.DebtViewModel debt = new dev.warroom.ui.debt.DebtViewModel(
                new dev.warroom.crisis.DebtService(database, clock, actor), tasks, dialogs, zone);
        debt.setReadOnly(database.readOnly());
        views.put("Debt", dev.warroom.ui.debt.DebtView.load(debt));
        dev.warroom.ui.plan.PlanViewModel plan = new dev.warroom.ui.plan.PlanViewModel(
                new dev.warroom.crisis.ChecklistService(database, clock, actor,
                        dev.warroom.crisis.ChecklistLoader.loadBuiltIn()),
                new dev.warroom.crisis.PlanService(database, clock, actor, figures), tasks, dialogs, zone);
        plan.setReadOnly(database.readOnly());
        views.put("Plan", dev.warroom.ui.plan.PlanView.load(plan));
        dev.warroom.ui.timeline.TimelineViewModel timeline = new dev.warroom.ui.timeline.TimelineViewModel(
                new dev.warroom.crisis.timeline.TimelineService(database, clock, actor, config.initialPolicy()), tasks,
                dialogs, clock, zone);
        shell.crisisProperty().addListener((o, a, c) -> timeline.setCrisis(c));
        timeline.setReports(new dev.warroom.crisis.report.ReportService(database, clock, zone,
                dev.warroom.crisis.ChecklistLoader.loadBuiltIn(), config.extraRoles()), Platform::runLater);
        Node timelineView = dev.warroom.ui.timeline.TimelineView.load(timeline);
        timelineView.sceneProperty().addListener((o, a, sc) -> {
            if (sc != null) {
                timeline.load();
            }
        });
        views.put("Timeline", timelineView);
        int[] seconds = {0};
        Parent root = ShellView.load(shell, views, new SeverityBanner(dashboard), () -> {
            board.nowProperty().set(clock.instant());
            dashboard.tick();
            if (++seconds[0] % BREACH_CHECK_SECONDS == 0) {
                board.recordBreaches();
            }
            crisis.nowProperty().set(clock.instant());
            if (seconds[0] % TIMELINE_REFRESH_SECONDS == 0 && timelineView.getScene() != null) {
                timeline.refreshIfFollowing();
            }
            if (seconds[0] % CommsViewModel.REFRESH_SECONDS == 0) {
                comms.refresh();
            } else {
                comms.tick(clock.instant());
            }
        });
        wall[0] = new WallWindow(stage, database, config, tasks, clock, zone, board, dashboard, comms);
        shell.setOpenWall(wall[0]::open);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.max(1024, screen.getWidth()), Math.max(640, screen.getHeight()));
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        shell.themeProperty().addListener((o, a, t) -> t.apply(scene));
        shell.initialTheme(theme);
        shell.themeProperty().get().apply(scene);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F11) {
                e.consume();
                wall[0].toggle();
            }
        });
        stage.setTitle("War Room");
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        stage.show();
        shell.refreshCrisis();
        board.refresh();
        crisis.refresh();
        comms.load();
        recorder.start();
        metrics.start();
        pulse.start();
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            pulse.stop();
            metrics.close();
            recorder.close();
        });
    }
}
