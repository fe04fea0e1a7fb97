package dev.warroom.ui.wall;

import dev.warroom.domain.metric.Metric;
import dev.warroom.ui.dashboard.DashboardViewModel;
import dev.warroom.ui.dashboard.MetricTile;
import dev.warroom.ui.dashboard.SeverityBanner;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The wall display, a {@link dev.warroom.ui.LiveView}: while attached it ticks (clocks, page rotation, a
 * database read every {@link WallViewModel#REFRESH_SECONDS} s) and follows the shared state and the
 * dashboard's tiles; detaching (the wall window closes) lets go of all of it. Type scales with the window:
 * wall.css gives the base size at 1920×1080 and every other size in em; this class only sets the scale, the
 * smaller of width / 1920 and height / 1080 (so 3840×2160 gets exactly twice the 1080p size).
 */
public final class WallView implements dev.warroom.ui.LiveView {
    /** The wall size the type sizes in wall.css are made for; larger and smaller walls scale from it. */
    public static final double DESIGN_WIDTH = 1920;
    public static final double DESIGN_HEIGHT = 1080;
    /** The key figures, in reading order. */
    public static final List<String> KEY_TILES = List.of(Metric.TRAFFIC_MULTIPLE.key(), Metric.ERROR_RATE.key(),
            Metric.P95_LATENCY.key(), Metric.UPTIME.key(), Metric.SIGNUPS_PER_HOUR.key(), Metric.ACTIVE_USERS.key());
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    private static final PseudoClass DUE = PseudoClass.getPseudoClass("due");

    /** What the wall's SIMULATED DATA band says while the tiles show the simulator's figures. */
    public static final String SIMULATED_BAND = "SIMULATED DATA — these figures come from the built-in simulator, "
            + "not from your systems";

    /** The ticker owner name of the wall's one-second tick. */
    public static final String TICK_OWNER = "wall";

    private final WallViewModel vm;
    private final DashboardViewModel dashboard;
    private final dev.warroom.ui.WarRoomState state;
    private final dev.warroom.ui.ClockTicker ticker;
    private final java.util.concurrent.atomic.AtomicInteger liveListeners;
    private final Runnable everySecond;
    private final Map<WallPage, Node> pages = new EnumMap<>(WallPage.class);
    private final List<BoardSummaryPane> boards = new java.util.ArrayList<>();
    private final Map<String, MetricTile> tiles = new java.util.LinkedHashMap<>();
    private final SeverityBanner banner = new SeverityBanner(true);
    private Parent root;
    private dev.warroom.ui.Subscriptions subscriptions;
    private dev.warroom.ui.ClockTicker.Tick tick;

    @FXML private BorderPane wall;
    @FXML private Label crisisName;
    @FXML private Label commander;
    @FXML private Label crisisPhase;
    @FXML private Label crisisClock;
    @FXML private StackPane bannerSlot;
    @FXML private StackPane body;
    @FXML private Label nextMessage;
    @FXML private Label pageName;
    @FXML private Label refreshProblem;
    @FXML private Label simulatedBand;

    private WallView(WallViewModel vm, DashboardViewModel dashboard, dev.warroom.ui.WarRoomState state,
                     dev.warroom.ui.ClockTicker ticker, java.util.concurrent.atomic.AtomicInteger liveListeners,
                     Runnable everySecond) {
        this.vm = vm;
        this.dashboard = dashboard;
        this.state = state;
        this.ticker = ticker;
        this.liveListeners = liveListeners;
        this.everySecond = everySecond;
    }

    /**
     * Builds the wall (not yet attached). {@code dashboard} gives the key tiles, {@code state} the board, the
     * comms schedule and the severities; {@code everySecond} runs after the wall's own tick (the dashboard's
     * clock). {@code liveListeners} counts the listeners it holds on things that outlive it.
     */
    public static WallView create(WallViewModel vm, DashboardViewModel dashboard, dev.warroom.ui.WarRoomState state,
                                  dev.warroom.ui.ClockTicker ticker,
                                  java.util.concurrent.atomic.AtomicInteger liveListeners, Runnable everySecond) {
        WallView view = new WallView(vm, dashboard, state, ticker, liveListeners, everySecond);
        FXMLLoader loader = new FXMLLoader(WallView.class.getResource("/fxml/wall.fxml"));
        loader.setControllerFactory(c -> view);
        try {
            view.root = loader.load();
        } catch (IOException e) {
            throw new IllegalStateException("fxml/wall.fxml cannot be loaded", e);
        }
        return view;
    }

    @Override
    public Node node() {
        return root;
    }

    /** Follows the shared state and the tiles, starts the tick and reads the board at once. */
    @Override
    public void attach() {
        if (subscriptions != null) {
            return;
        }
        subscriptions = new dev.warroom.ui.Subscriptions(liveListeners);
        banner.follow(state.severity(), subscriptions);
        subscriptions.bind(simulatedBand.visibleProperty(), state.simulatedProperty());
        tiles.forEach((id, tile) -> subscriptions.bind(tile.dataProperty(),
                dashboard.tile(id.substring(id.indexOf('\u0000') + 1))));
        subscriptions.listen(state.boardProperty(), (o, a, b) -> vm.showBoard(b));
        subscriptions.listen(state.schedule(),
                (javafx.collections.ListChangeListener<dev.warroom.domain.comms.DueMessage>) c ->
                        vm.setSchedule(state.schedule()));
        if (!state.boardProperty().get().isEmpty()) {
            vm.showBoard(state.boardProperty().get());
        }
        vm.setSchedule(state.schedule());
        subscriptions.listen(state.undeliveredProperty(), (o, a, text) -> vm.setUndelivered(text));
        vm.setUndelivered(state.undeliveredProperty().get());
        tick = ticker.subscribe(TICK_OWNER, () -> {
            vm.tick();
            state.severity().tick();
            everySecond.run();
        });
        vm.refresh();
    }

    /** Lets go of every listener and stops the tick: a closed wall runs nothing. */
    @Override
    public void detach() {
        if (subscriptions != null) {
            subscriptions.close();
            subscriptions = null;
        }
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
    }

    @FXML
    private void initialize() {
        wall.styleProperty().bind(Bindings.createStringBinding(() -> String.format(java.util.Locale.ROOT,
                "-fx-font-size: %.4fem;", scale(wall.getWidth(), wall.getHeight())),
                wall.widthProperty(), wall.heightProperty()));
        banner.setId("wall-severity");
        bannerSlot.getChildren().setAll(banner);
        simulatedBand.setText(SIMULATED_BAND);
        simulatedBand.managedProperty().bind(simulatedBand.visibleProperty());
        crisisName.textProperty().bind(vm.crisisNameProperty());
        commander.textProperty().bind(vm.commanderProperty());
        commander.visibleProperty().bind(vm.commanderProperty().isNotEmpty());
        commander.managedProperty().bind(commander.visibleProperty());
        crisisPhase.textProperty().bind(vm.crisisPhaseProperty().map(p -> p.isEmpty() ? "—" : p));
        crisisClock.textProperty().bind(vm.crisisClockProperty());
        nextMessage.textProperty().bind(vm.nextMessageProperty());
        vm.nextMessageLevelProperty().addListener((o, a, level) -> level(level));
        level(vm.nextMessageLevelProperty().get());
        refreshProblem.textProperty().bind(vm.refreshProblemProperty());
        refreshProblem.visibleProperty().bind(vm.refreshProblemProperty().isNotEmpty());
        refreshProblem.managedProperty().bind(refreshProblem.visibleProperty());
        pageName.visibleProperty().set(vm.layout().rotate());
        pageName.managedProperty().bind(pageName.visibleProperty());

        for (WallPage p : vm.layout().rotate() ? vm.layout().pages() : List.of(WallPage.OVERVIEW)) {
            pages.put(p, page(p));
        }
        vm.summaryProperty().addListener((o, a, s) -> boards.forEach(b -> b.show(s)));
        boards.forEach(b -> b.show(vm.summaryProperty().get()));
        vm.pageProperty().addListener((o, a, p) -> showPage(p));
        showPage(vm.pageProperty().get());
    }

    /**
     * How much larger than at 1920×1080 the type is on a wall of {@code width} × {@code height}: 1 at 1080p,
     * 2 at 4K, never below one half.
     */
    public static double scale(double width, double height) {
        if (width <= 0 || height <= 0) {
            return 1;
        }
        return Math.max(0.5, Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT));
    }

    private void level(String level) {
        nextMessage.pseudoClassStateChanged(OVERDUE, "overdue".equals(level));
        nextMessage.pseudoClassStateChanged(DUE, "due".equals(level));
    }

    private void showPage(WallPage p) {
        Node n = pages.getOrDefault(p, pages.values().iterator().next());
        body.getChildren().setAll(n);
        pageName.setText(switch (p) {
            case OVERVIEW -> "OVERVIEW";
            case BOARD -> "BOARD";
            case TILES -> "KEY FIGURES";
        } + "  " + (vm.layout().pages().indexOf(p) + 1) + " / " + vm.layout().pages().size());
    }

    private Node page(WallPage p) {
        String prefix = "wall-" + p.id() + "-";
        VBox box = new VBox();
        box.setId("wall-page-" + p.id());
        box.getStyleClass().addAll("wall-page-body", "wall-page-" + p.id());
        if (p != WallPage.BOARD) {
            GridPane tiles = tiles(prefix, p == WallPage.TILES ? 2 : 3);
            VBox.setVgrow(tiles, p == WallPage.TILES ? Priority.ALWAYS : Priority.NEVER);
            box.getChildren().add(tiles);
        }
        if (p != WallPage.TILES) {
            BoardSummaryPane board = new BoardSummaryPane(prefix, p == WallPage.BOARD ? 3 : 2);
            VBox.setVgrow(board, Priority.ALWAYS);
            boards.add(board);
            box.getChildren().add(board);
        }
        return box;
    }

    /** The six key tiles in {@code columns} columns (3 × 2 beside the board, 2 × 3 on their own page). */
    private GridPane tiles(String prefix, int columns) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("wall-tiles");
        grid.setId(prefix + "tiles");
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        for (int r = 0; r < (KEY_TILES.size() + columns - 1) / columns; r++) {
            RowConstraints row = new RowConstraints();
            row.setVgrow(Priority.ALWAYS);
            row.setFillHeight(true);
            grid.getRowConstraints().add(row);
        }
        for (int i = 0; i < KEY_TILES.size(); i++) {
            String key = KEY_TILES.get(i);
            MetricTile tile = new MetricTile(dashboard.tile(key).get());
            tile.setId(prefix + "tile-" + key);
            tiles.put(prefix + "\u0000" + key, tile);
            tile.setMaxWidth(Double.MAX_VALUE);
            tile.setMaxHeight(Double.MAX_VALUE);
            tile.setMinWidth(0);
            grid.add(tile, i % columns, i / columns);
        }
        return grid;
    }
}
