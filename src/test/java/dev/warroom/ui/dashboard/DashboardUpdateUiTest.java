package dev.warroom.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.AlertRule;
import dev.warroom.domain.metric.AlertSeverity;
import dev.warroom.domain.metric.AlertState;
import dev.warroom.domain.metric.AlertStatus;
import dev.warroom.domain.metric.Band;
import dev.warroom.domain.metric.Comparison;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.Trend;
import dev.warroom.metrics.Freshness;
import dev.warroom.metrics.RecentSeries;
import dev.warroom.ui.Theme;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A metric update touches only what changed: a tile's new figure or age lays out that tile's body, not the grid
 * and the dashboard around it, unless the figure is wider than any before; an alert row's new value changes the
 * row's texts, not its nodes or their style classes.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardUpdateUiTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final AlertRule ERRORS = new AlertRule("errors", "Errors", Metric.ERROR_RATE, Comparison.ABOVE, 5,
            Duration.ofSeconds(10), AlertSeverity.CRITICAL, "Page the on-call engineer");
    private static final AlertRule LATENCY = new AlertRule("latency", "Latency", Metric.P95_LATENCY,
            Comparison.ABOVE, 800, Duration.ofSeconds(30), AlertSeverity.WARNING, "Add read replicas");

    private Stage stage;
    private final List<MetricTile> tiles = new ArrayList<>();
    private GridPane grid;
    private VBox root;
    private final ObservableList<AlertStatus> alerts = FXCollections.observableArrayList();
    private ListView<AlertStatus> alertList;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        grid = new GridPane();
        grid.getStyleClass().add("tile-grid");
        for (int i = 0; i < 4; i++) {
            MetricTile tile = new MetricTile(tile("k" + i, "12.5", "4 s ago · simulator", Band.OK));
            tile.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(tile, Priority.ALWAYS);
            grid.add(tile, i, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(25);
            grid.getColumnConstraints().add(cc);
            tiles.add(tile);
        }
        alertList = new ListView<>(alerts);
        alertList.setCellFactory(v -> new DashboardView.AlertCell());
        alertList.getStyleClass().add("alert-list");
        alerts.setAll(alert(ERRORS, AlertState.FIRING, 7.1), alert(LATENCY, AlertState.INACTIVE, 420));
        root = new VBox(8, grid, alertList);
        root.getStyleClass().add("dashboard-groups");
        Scene scene = new Scene(root, 1200, 600);
        Theme.DARK.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aNewFigureLaysOutItsTileAloneNotTheGridAroundIt() throws Exception {
        MetricTile tile = tiles.get(1);
        // the widest figure so far: the tile asks for the room it needs (and keeps it)
        fx(() -> {
            tile.dataProperty().set(tile("k1", "1,234.5", "1 s ago · simulator", Band.OK));
            return null;
        });
        settle();
        double height = fx(tile::getHeight);
        double width = fx(tile::getWidth);
        // narrower digits and a new age: every second's news on a live dashboard
        for (String value : new String[] {"7.1", "88.8", "0.4", "1,111.1", "1,234.5"}) {
            boolean[] dirty = fx(() -> {
                tile.dataProperty().set(tile("k1", value, "1 s ago · simulator", Band.OK));
                return new boolean[] {grid.isNeedsLayout(), root.isNeedsLayout(), body(tile).isNeedsLayout()};
            });
            assertFalse(dirty[0], "the grid is not laid out again for a new figure " + value);
            assertFalse(dirty[1], "nor the dashboard around it");
            assertTrue(dirty[2], "the tile's own body is");
            settle();
            assertEquals(value, fx(() -> valueLabel(tile).getText()));
            assertEquals(height, fx(tile::getHeight), "the tile keeps its height");
            assertEquals(width, fx(tile::getWidth), "and its width");
            // the body shows the figure whole, laid out at its new width
            assertTrue(fx(() -> valueLabel(tile).getWidth() >= valueLabel(tile).prefWidth(-1) - 0.5),
                    "the figure " + value + " has the room it needs");
        }
    }

    @Test
    void aRestyledTileIsMeasuredWithItsNewStyle() throws Exception {
        MetricTile tile = tiles.get(3);
        settle();
        fx(() -> {
            tile.dataProperty().set(new TileData("k3", "Label k3", "9.9", "%", Band.NONE, Trend.UNKNOWN,
                    Freshness.STALE, "STALE since 40 s · source down: timeout after 2 s", RecentSeries.EMPTY, true));
            return null;
        });
        settle();
        Label age = (Label) fx(() -> tile.lookup(".tile-age"));
        assertTrue(fx(() -> age.getHeight() >= age.prefHeight(age.getWidth()) - 0.5), "the bold stale age shows whole");
        assertTrue(fx(() -> tile.getPseudoClassStates().contains(PseudoClass.getPseudoClass("stale"))));
    }

    @Test
    void anAlertRowsNewValueChangesItsTextsNotItsNodes() throws Exception {
        settle();
        Supplier<List<Node>> rowNodes = () -> new ArrayList<>(alertList.lookupAll(".alert-state").stream()
                .filter(Node::isVisible).toList());
        List<Node> before = fx(rowNodes::get);
        List<Node> detailsBefore = fx(() -> new ArrayList<>(alertList.lookupAll(".alert-detail")));
        assertEquals(2, before.size());
        for (double v : new double[] {7.4, 8.2, 6.9}) {
            fx(() -> {
                DashboardViewModel.showRows(alerts, List.of(alert(ERRORS, AlertState.FIRING, v),
                        alert(LATENCY, AlertState.INACTIVE, 420)));
                return null;
            });
            settle();
            List<Node> after = fx(rowNodes::get);
            assertEquals(Set.copyOf(before), Set.copyOf(after), "the same state labels");
            assertEquals(Set.copyOf(detailsBefore), Set.copyOf(fx(() -> new ArrayList<>(
                    alertList.lookupAll(".alert-detail")))), "the same detail labels");
            String shown = fx(() -> alertList.lookupAll(".alert-detail").stream().map(n -> ((Label) n).getText())
                    .filter(t -> t.contains(FigureFormat.alertDetail(alert(ERRORS, AlertState.FIRING, v))))
                    .findFirst().orElse(null));
            assertNotNull(shown, "the row shows the new value " + v);
        }
        Label firing = stateLabel("FIRING");
        assertTrue(firing.getPseudoClassStates().contains(PseudoClass.getPseudoClass("firing")));
        assertEquals(List.of("label", "alert-state"), List.copyOf(firing.getStyleClass()),
                "the state is a pseudo-class, not a style class added per update");
        // the rule resolves: the same label, now :resolved, and its action line hides
        fx(() -> {
            DashboardViewModel.showRows(alerts, List.of(alert(ERRORS, AlertState.RESOLVED, 3.0),
                    alert(LATENCY, AlertState.INACTIVE, 420)));
            return null;
        });
        settle();
        Label resolved = stateLabel("RESOLVED");
        assertSame(firing, resolved);
        assertTrue(resolved.getPseudoClassStates().contains(PseudoClass.getPseudoClass("resolved")));
        assertFalse(resolved.getPseudoClassStates().contains(PseudoClass.getPseudoClass("firing")));
        assertTrue(fx(() -> alertList.lookupAll(".alert-action").stream().noneMatch(Node::isVisible)),
                "no action is suggested for a resolved or quiet rule");
    }

    private Label stateLabel(String text) throws Exception {
        return fx(() -> alertList.lookupAll(".alert-state").stream().map(n -> (Label) n)
                .filter(l -> l.isVisible() && text.equals(l.getText())).findFirst().orElseThrow());
    }

    private static AlertStatus alert(AlertRule rule, AlertState state, double value) {
        return new AlertStatus(rule, state, state == AlertState.FIRING ? T0 : null, value, T0.plusSeconds(20), null);
    }

    private static TileData tile(String key, String value, String age, Band band) {
        return new TileData(key, "Label " + key, value, "%", band, Trend.UNKNOWN, Freshness.FRESH, age,
                RecentSeries.EMPTY, true);
    }

    private static javafx.scene.layout.Region body(MetricTile tile) {
        return ((MetricTileSkin) tile.getSkin()).body();
    }

    private static Label valueLabel(MetricTile tile) {
        return (Label) tile.lookup(".tile-value");
    }

    /** Waits until a pulse has passed and nothing in the scene waits for layout. */
    private void settle() throws Exception {
        waitUntil(() -> fx(() -> !root.isNeedsLayout() && tiles.stream().noneMatch(t -> body(t).isNeedsLayout())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
