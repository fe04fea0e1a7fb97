package dev.warroom.app;

import dev.warroom.config.AppConfig;
import dev.warroom.ui.Theme;
import dev.warroom.ui.comms.Chime;
import dev.warroom.ui.comms.CommsViewModel;
import dev.warroom.ui.dashboard.DashboardViewModel;
import dev.warroom.ui.dashboard.MetricsPulse;
import dev.warroom.ui.wall.WallDialogs;
import dev.warroom.ui.wall.WallLayout;
import dev.warroom.ui.wall.WallPage;
import dev.warroom.ui.wall.WallView;
import dev.warroom.ui.wall.WallViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The wall display: either beside the laptop window in the same process (sharing its dashboard and the
 * context's state, on the second screen when there is one) or on its own with {@code --wall}. Either way
 * the wall reads the board and the crisis every {@link WallViewModel#REFRESH_SECONDS} seconds while it is
 * open, hides the pointer and never opens a dialog. Closing it detaches its view: no tick, listener or
 * read is left behind ({@link #liveTicks()}, {@link #liveListeners()}, {@link #reads()} count them).
 */
public final class WallWindow {
    private final Stage laptop;
    private final WarRoomContext context;
    private final DashboardViewModel dashboard;
    private final List<Runnable> whenUncovered = new ArrayList<>();
    private final AtomicInteger liveListeners = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private Stage wall;
    private WallView view;
    private boolean coversLaptop;
    private boolean fullScreen = true;

    /** The wall that the laptop window opens with F11 or its "Wall display" button. */
    public WallWindow(Stage laptop, WarRoomContext context, DashboardViewModel dashboard) {
        this.laptop = laptop;
        this.context = context;
        this.dashboard = dashboard;
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

    /** Wall ticks still subscribed to the app's ticker (0 once every wall is closed). */
    public int liveTicks() {
        return context.ticker().live(WallView.TICK_OWNER);
    }

    /** Listeners the wall holds on the shared state and the dashboard (0 once every wall is closed). */
    public int liveListeners() {
        return liveListeners.get();
    }

    /** Database reads the wall has started (counted as they are handed to the pool), over all its openings. */
    public int reads() {
        return reads.get();
    }

    /**
     * Whether the wall goes full screen (the default) or opens as a plain window of the screen's size (a
     * display whose window manager places it, and tests that open and close it quickly: JavaFX's
     * full-screen notice animation outlives a window closed within its first seconds).
     */
    public void setFullScreen(boolean fullScreen) {
        this.fullScreen = fullScreen;
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
        dev.warroom.ui.TaskRunner background = context.background();
        dev.warroom.ui.TaskRunner countedReads = new dev.warroom.ui.TaskRunner() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> onDone,
                                java.util.function.Consumer<Throwable> onError) {
                reads.incrementAndGet();
                background.run(work, onDone, onError);
            }
        };
        WallViewModel vm = new WallViewModel(WallViewModel.Source.of(context.boards(), context.crises()),
                countedReads, context.clock(), context.zone(), layout(context.config()));
        WallView shownView = WallView.create(vm, dashboard, context.state(), context.ticker(), liveListeners,
                () -> { });
        Runnable othersChange = context.state().onOthersChange(vm::refresh);
        Optional<Screen> second = secondScreen();
        coversLaptop = second.isEmpty();
        Rectangle2D bounds = second.orElseGet(this::laptopScreen).getBounds();
        Stage shown = new Stage();
        wall = shown;
        view = shownView;
        Scene scene = new Scene((javafx.scene.Parent) shownView.node(), bounds.getWidth(), bounds.getHeight());
        Theme.applyWall(scene);
        scene.setCursor(Cursor.NONE);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F11) {
                e.consume();
                close();
            }
        });
        shown.setTitle("War Room — wall");
        shown.setScene(scene);
        shown.setX(bounds.getMinX());
        shown.setY(bounds.getMinY());
        shown.setFullScreenExitHint("");
        shown.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        shown.setFullScreen(fullScreen);
        shown.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            othersChange.run();
            shownView.detach();
            if (shown == wall) {
                wall = null;
                view = null;
                coversLaptop = false;
                List<Runnable> waiting = List.copyOf(whenUncovered);
                whenUncovered.clear();
                waiting.forEach(Runnable::run);
            }
        });
        shownView.attach();
        shown.show();
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
     * {@code --wall}: the whole app is the wall, full screen on {@code stage}, with its own dashboard and
     * comms view models over the context's services. Problems go to standard error and the wall's notice
     * line, never to a dialog. Closing the stage detaches the wall.
     */
    public static void standalone(Stage stage, WarRoomContext context) {
        WallDialogs dialogs = new WallDialogs(problem -> System.err.println("warroom wall: " + problem));
        DashboardViewModel dashboard = new DashboardViewModel(context.team(), context.writes(), dialogs,
                context.clock(), context.zone());
        dashboard.reportProblem(context.metricsProblem());
        context.state().followSeverities(dashboard.scaleStatusProperty(), dashboard.incidentStatusProperty());
        dashboard.setSimulatedSources(context.metrics().simulatedSources());
        context.state().followSimulated(dashboard.simulatedProperty());
        MetricsPulse pulse = new MetricsPulse(context.metrics().feed(), dashboard);
        CommsViewModel comms = new CommsViewModel(context.comms(), context.templates(), context.preferences(),
                context.writes(), dialogs, text -> { }, Chime.silent(), context.zone(), false);
        comms.schedule().addListener((javafx.collections.ListChangeListener<dev.warroom.domain.comms.DueMessage>) c ->
                context.state().publishSchedule(comms.schedule()));
        comms.deliveries().undeliveredProperty().addListener((o, a, text) -> context.state().publishUndelivered(text));
        WallViewModel vm = new WallViewModel(WallViewModel.Source.of(context.boards(), context.crises()),
                context.background(), context.clock(), context.zone(), layout(context.config()));
        long[] seconds = {0};
        WallView view = WallView.create(vm, dashboard, context.state(), context.ticker(), new AtomicInteger(), () -> {
            dashboard.tick();
            if (++seconds[0] % CommsViewModel.REFRESH_SECONDS == 0) {
                comms.poll();
            } else {
                comms.tick(context.clock().instant());
            }
        });
        Runnable othersChange = context.state().onOthersChange(() -> {
            vm.refresh();
            comms.refresh();
        });
        Rectangle2D bounds = Screen.getPrimary().getBounds();
        Scene scene = new Scene((javafx.scene.Parent) view.node(), bounds.getWidth(), bounds.getHeight());
        Theme.applyWall(scene);
        scene.setCursor(Cursor.NONE);
        stage.setTitle("War Room — wall");
        stage.setScene(scene);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            othersChange.run();
            view.detach();
            pulse.stop();
        });
        view.attach();
        stage.show();
        comms.refresh();
        context.start();
        pulse.start();
    }
}
