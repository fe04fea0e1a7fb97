package dev.warroom.app;

import dev.warroom.crisis.AppConfig;
import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.DisplayPreferences;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.MetricsRecorder;
import dev.warroom.crisis.TeamStatus;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.crisis.comms.TemplateLibrary;
import dev.warroom.domain.Board;
import dev.warroom.domain.comms.DueMessage;
import dev.warroom.metrics.LiveMetrics;
import dev.warroom.store.Database;
import dev.warroom.ui.TaskRunner;
import dev.warroom.ui.Theme;
import dev.warroom.ui.board.BoardViewModel;
import dev.warroom.ui.comms.Chime;
import dev.warroom.ui.comms.CommsViewModel;
import dev.warroom.ui.dashboard.DashboardViewModel;
import dev.warroom.ui.dashboard.MetricsPulse;
import dev.warroom.ui.wall.WallDialogs;
import dev.warroom.ui.wall.WallLayout;
import dev.warroom.ui.wall.WallPage;
import dev.warroom.ui.wall.WallView;
import dev.warroom.ui.wall.WallViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Wires the wall display: either beside the laptop window in the same process (sharing its view models,
 * on the second screen when there is one) or on its own with {@code --wall}. Either way the wall reads
 * the board and the crisis from the database every {@link WallViewModel#REFRESH_SECONDS} seconds, hides the
 * pointer and never opens a dialog.
 */
public final class WallWindow {
    private final Stage laptop;
    private final Database database;
    private final AppConfig config;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final BoardViewModel board;
    private final DashboardViewModel dashboard;
    private final CommsViewModel comms;
    private final List<Runnable> whenUncovered = new ArrayList<>();
    private Stage wall;
    private boolean coversLaptop;

    /** The wall that the laptop window opens with F11 or its "Wall display" button. */
    public WallWindow(Stage laptop, Database database, AppConfig config, TaskRunner tasks, Clock clock, ZoneId zone,
                      BoardViewModel board, DashboardViewModel dashboard, CommsViewModel comms) {
        this.laptop = laptop;
        this.database = database;
        this.config = config;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        this.board = board;
        this.dashboard = dashboard;
        this.comms = comms;
        laptop.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> close());
    }

    /** The layout the configuration asks for. */
    public static WallLayout layout(AppConfig config) {
        AppConfig.WallSection w = config.wallSettings();
        List<WallPage> pages = w.pages().stream().map(WallPage::parse).toList();
        return w.rotates() ? WallLayout.rotating(w.rotateInterval(), pages) : WallLayout.split();
    }

    public boolean isOpen() {
        return wall != null && wall.isShowing();
    }

    /** The wall window while it is open. */
    public Optional<Stage> stage() {
        return Optional.ofNullable(isOpen() ? wall : null);
    }

    /** Opens the wall, or closes it when it is open (F11). */
    public void toggle() {
        if (isOpen()) {
            close();
        } else {
            open();
        }
    }

    /** Opens the wall on the second screen when there is one, else full screen over the laptop window. */
    public void open() {
        if (isOpen()) {
            wall.toFront();
            return;
        }
        String actor = config.actor() != null ? config.actor() : System.getProperty("user.name", "commander");
        WallViewModel vm = new WallViewModel(WallViewModel.Source.of(
                new BoardService(database, clock, actor, config.initialPolicy()),
                new CrisisService(database, clock, actor, config.extraRoles())), tasks, clock, zone, layout(config));
        ChangeListener<Board> boardChanged = (o, a, b) -> vm.showBoard(b);
        ListChangeListener<DueMessage> dueChanged = c -> vm.setSchedule(comms.schedule());
        board.boardProperty().addListener(boardChanged);
        comms.schedule().addListener(dueChanged);
        vm.showBoard(board.boardProperty().get());
        vm.setSchedule(comms.schedule());

        Parent root = WallView.load(vm, dashboard, () -> { });
        Optional<Screen> second = secondScreen();
        coversLaptop = second.isEmpty();
        Rectangle2D bounds = second.orElseGet(this::laptopScreen).getBounds();
        wall = new Stage();
        Scene scene = new Scene(root, bounds.getWidth(), bounds.getHeight());
        Theme.applyWall(scene);
        scene.setCursor(Cursor.NONE);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F11) {
                e.consume();
                close();
            }
        });
        wall.setTitle("War Room — wall");
        wall.setScene(scene);
        wall.setX(bounds.getMinX());
        wall.setY(bounds.getMinY());
        wall.setFullScreenExitHint("");
        wall.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        wall.setFullScreen(true);
        Stage shown = wall;
        shown.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            board.boardProperty().removeListener(boardChanged);
            comms.schedule().removeListener(dueChanged);
            if (shown == wall) {
                wall = null;
                coversLaptop = false;
                List<Runnable> waiting = List.copyOf(whenUncovered);
                whenUncovered.clear();
                waiting.forEach(Runnable::run);
            }
        });
        wall.show();
    }

    /** Closes the wall; full screen is left first so JavaFX ends its full-screen overlay cleanly. */
    public void close() {
        if (wall != null) {
            wall.setFullScreen(false);
            wall.close();
        }
    }

    /**
     * Runs {@code action} (e.g. a dialog on the laptop window) now, or once the wall no longer covers the
     * laptop screen: nothing modal may pop up over the wall.
     */
    public void whenUncovered(Runnable action) {
        if (isOpen() && coversLaptop) {
            whenUncovered.add(action);
        } else {
            action.run();
        }
    }

    private Screen laptopScreen() {
        List<Screen> on = Screen.getScreensForRectangle(laptop.getX(), laptop.getY(),
                Math.max(1, laptop.getWidth()), Math.max(1, laptop.getHeight()));
        return on.isEmpty() ? Screen.getPrimary() : on.get(0);
    }

    private Optional<Screen> secondScreen() {
        Screen mine = laptopScreen();
        return Screen.getScreens().stream().filter(s -> !s.equals(mine)).findFirst();
    }

    /**
     * {@code --wall}: the whole app is the wall, full screen on {@code stage}, with its own view models,
     * metrics and recorder. Problems go to standard error and the wall's notice line, never to a dialog.
     */
    public static void standalone(Stage stage, Database database, AppConfig config, Clock clock, ZoneId zone,
                                  TaskRunner tasks, LiveMetrics metrics, String metricsProblem, LiveFigures figures,
                                  Path templateFolder) {
        String actor = config.actor() != null ? config.actor() : System.getProperty("user.name", "commander");
        WallDialogs dialogs = new WallDialogs(problem -> System.err.println("warroom wall: " + problem));
        CrisisService crises = new CrisisService(database, clock, actor, config.extraRoles());
        DashboardViewModel dashboard = new DashboardViewModel(new TeamStatus(database, clock, actor), tasks, dialogs,
                clock, zone);
        dashboard.reportProblem(metricsProblem);
        MetricsRecorder recorder = new MetricsRecorder(database, clock, change -> { });
        metrics.feed().addListener(recorder);
        MetricsPulse pulse = new MetricsPulse(metrics.feed(), dashboard);
        CommsViewModel comms = new CommsViewModel(new CommsService(database, clock, actor, config.cadence(), figures,
                zone), new TemplateLibrary(templateFolder), new DisplayPreferences(database), tasks, dialogs,
                text -> { }, Chime.silent(), zone, false);
        WallViewModel vm = new WallViewModel(WallViewModel.Source.of(
                new BoardService(database, clock, actor, config.initialPolicy()), crises), tasks, clock, zone,
                layout(config));
        comms.schedule().addListener((ListChangeListener<DueMessage>) c -> vm.setSchedule(comms.schedule()));
        int[] seconds = {0};
        Parent root = WallView.load(vm, dashboard, () -> {
            dashboard.tick();
            if (++seconds[0] % CommsViewModel.REFRESH_SECONDS == 0) {
                comms.refresh();
            } else {
                comms.tick(clock.instant());
            }
        });
        Rectangle2D bounds = Screen.getPrimary().getBounds();
        Scene scene = new Scene(root, bounds.getWidth(), bounds.getHeight());
        Theme.applyWall(scene);
        scene.setCursor(Cursor.NONE);
        stage.setTitle("War Room — wall");
        stage.setScene(scene);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        stage.show();
        comms.refresh();
        recorder.start();
        metrics.start();
        pulse.start();
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            pulse.stop();
            metrics.close();
            recorder.close();
        });
    }
}
