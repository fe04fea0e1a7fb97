package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.app.MainWindow;
import dev.warroom.crisis.BoardService;
import dev.warroom.config.ConfigLoader;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.DemoCrisis;
import dev.warroom.crisis.TeamStatus;
import dev.warroom.domain.Board;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.domain.metric.Band;
import dev.warroom.domain.metric.Trend;
import dev.warroom.metrics.Freshness;
import dev.warroom.metrics.RecentSeries;
import dev.warroom.store.Database;
import dev.warroom.testing.NoDialogs;
import dev.warroom.testing.TestMetrics;
import dev.warroom.ui.dashboard.DashboardViewModel;
import dev.warroom.ui.dashboard.TileData;
import dev.warroom.ui.wall.WallLayout;
import dev.warroom.ui.wall.WallPage;
import dev.warroom.ui.wall.WallView;
import dev.warroom.ui.wall.WallViewModel;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wall display: fits 1080p and 4K with nothing clipped, follows a card moved in the database
 * within one refresh, and opens from the laptop window (button, F11) without a pointer, Esc closing it.
 */
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class WallUiTest {
    private Database db;
    private dev.warroom.testing.MainWindowFixture fixture;
    private Stage laptop;
    private final List<Stage> walls = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        laptop = stage;
        db = Database.open(Files.createTempDirectory("warroom-wall").resolve("wall"));
        dev.warroom.testing.MainWindowFixture.offFxThread(() -> new DemoCrisis(db, Clock.systemUTC(), "tester").load());
        Clock clock = Clock.systemUTC();
        fixture = dev.warroom.testing.MainWindowFixture.show(stage, db, clock,
                dev.warroom.testing.MainWindowFixture.options());
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void wallFitsFullHdAndFourKWithNothingClipped(FxRobot robot) throws Exception {
        BoardService board = new BoardService(db, Clock.systemUTC(), "tester", ConfigLoader.load(null).initialPolicy());
        Card second = board.create(CardDraft.of("Move the signup mail to a queue so a slow mail server cannot block "
                + "new accounts during the surge", "", CardKind.SCALING, Priority.CRITICAL, "frank-the-on-call",
                "45m", "", java.time.Instant.now(), ZoneOffset.UTC), Column.BACKLOG);
        board.move(second.id(), second.version(), Column.IN_PROGRESS, 1,
                "Launch blocker: signups are failing and the database work cannot wait for it");
        for (WallPage page : WallPage.values()) {
            double fullHd = 0;
            for (int[] size : new int[][] {{1920, 1080}, {3840, 2160}}) {
                Stage wall = openWall(robot, size[0], size[1], page);
                Parent root = wall.getScene().getRoot();
                assertEquals(size[0], wall.getScene().getWidth(), 0.5);
                assertEquals(size[1], wall.getScene().getHeight(), 0.5);
                double name = ((Label) root.lookup("#wall-crisis-name")).getFont().getSize();
                if (size[0] == 1920) {
                    fullHd = name;
                    assertTrue(name > 24, "the crisis name reads from across the room at 1080p: " + name + " px");
                } else {
                    assertEquals(2 * fullHd, name, 0.1, "type follows the window size: twice as large at 4K");
                }
                assertFits(root, page + " at " + size[0] + "x" + size[1]);
                double least = 24 * size[0] / 1920.0;
                List<String> small = smallerThan(root, least);
                assertTrue(small.isEmpty(), page + " at " + size[0] + "x" + size[1] + ", under " + least + " px: "
                        + small);
                FxToolkitRun.close(wall);
            }
        }
    }

    /**
     * What matters most is the biggest: a full-width severity band at least as tall as the clock, every overdue
     * message, a REVIEW panel that turns red when its SLA is breached, and the SIMULATED DATA band while the
     * figures are made up (the severity itself then says SIMULATED, not a real level's colour).
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void severityBandEveryOverdueMessageABreachedReviewAndSimulatedDataShowByMeasurement(FxRobot robot)
            throws Exception {
        BoardService board = new BoardService(db, Clock.systemUTC(), "tester", ConfigLoader.load(null).initialPolicy());
        board.changeSla(Column.REVIEW, Duration.ofMinutes(30));
        robot.interact(() -> fixture.context().state().followSimulated(
                new javafx.beans.property.SimpleBooleanProperty(true)));
        Stage wall = openWall(robot, 1920, 1080, WallPage.OVERVIEW);
        Parent root = wall.getScene().getRoot();

        Region band = (Region) root.lookup("#wall-severity");
        Label clock = (Label) root.lookup("#wall-crisis-clock");
        assertTrue(band.getHeight() >= clock.getHeight(), "the severity band (" + band.getHeight()
                + " px) is at least as tall as the clock (" + clock.getHeight() + " px)");
        assertEquals(wall.getScene().getWidth(), band.localToScene(band.getLayoutBounds()).getWidth(), 0.5,
                "the band spans the wall");
        Label scale = (Label) root.lookup("#wall-severity #scale-severity");
        assertTrue(scale.getFont().getSize() >= clock.getFont().getSize(), "the severity is the biggest word: "
                + scale.getFont().getSize() + " px against the clock's " + clock.getFont().getSize() + " px");

        Label next = (Label) root.lookup("#wall-next-message");
        waitUntil(() -> next.getText().split("overdue by", -1).length - 1 == 2, 10);
        assertTrue(next.getText().contains("Internal war room") && next.getText().contains("Status page"), next.getText());

        Node review = root.lookup("#wall-overview-review-list");
        waitUntil(() -> review.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("sla-breached")),
                WallViewModel.REFRESH_SECONDS + 3);
        assertTrue(((Label) review.lookup(".wall-section-caption")).getText().contains("SLA BREACHED"),
                "the breach is said, not only coloured");

        Label simulated = (Label) root.lookup("#wall-simulated-band");
        assertTrue(simulated != null && shown(simulated) && simulated.isManaged()
                && simulated.getText().startsWith("SIMULATED DATA"), "the wall says the figures are simulated");
        assertFits(root, "overview at 1920x1080 with two overdue messages, a breach and simulated data");
        assertTrue(smallerThan(root, 24).isEmpty(), "under 24 px: " + smallerThan(root, 24));
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void wallSeesACardMovedInTheDatabaseWithinOneRefresh(FxRobot robot) throws Exception {
        Stage wall = openWall(robot, 1920, 1080, WallPage.OVERVIEW);
        Node root = wall.getScene().getRoot();
        waitUntil(() -> countText(root, "review").equals("1"), 5);
        assertEquals("1 / 1", countText(root, "in-progress"));

        BoardService elsewhere = new BoardService(db, Clock.systemUTC(), "someone-else",
                ConfigLoader.load(null).initialPolicy());
        Card working = elsewhere.board().column(Column.IN_PROGRESS).get(0);
        elsewhere.move(working.id(), working.version(), Column.REVIEW, 0, null);

        long started = System.nanoTime();
        waitUntil(() -> countText(root, "review").equals("2"), WallViewModel.REFRESH_SECONDS + 2);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs <= (WallViewModel.REFRESH_SECONDS + 2) * 1000L, tookMs + " ms");
        assertEquals("0 / 1", countText(root, "in-progress"));
        assertTrue(root.lookup("#wall-overview-board-card-" + working.id()) != null,
                "the moved card is listed under REVIEW with its SLA countdown");
        Label sla = (Label) root.lookup("#wall-sla-" + working.id());
        assertTrue(sla.getText().startsWith("SLA ") && sla.getText().endsWith("left"), sla.getText());
    }

    /** Opens and closes the wall from the laptop by button, Esc and F11, without a pointer. */
    @Test
    @org.junit.jupiter.api.Order(4)
    void laptopOpensTheWallWithoutPointerAndEscOrF11LeavesIt(FxRobot robot) {
        // A window of the screen's size, not JavaFX full screen: on the headless test platform JavaFX's own
        // full-screen notice outlives a wall closed within its first 5 seconds, paints a disposed scene, and the
        // FX thread then waits forever (every later UI test class hung). The app's default stays full screen.
        fixture.window().wall().setFullScreen(false);
        robot.clickOn("#open-wall");
        Stage wall = waitForWall(robot);
        assertEquals(Cursor.NONE, wall.getScene().getCursor());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        assertEquals(screen.getWidth(), wall.getScene().getWidth(), 0.5, "one screen: the wall covers it");
        assertEquals(screen.getHeight(), wall.getScene().getHeight(), 0.5, "one screen: the wall covers it");
        assertTrue(wall.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("wall.css")));
        assertTrue(laptop.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("light.css")),
                "the laptop keeps its own theme");
        robot.targetWindow(wall).press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> !wall.isShowing(), 5);

        robot.interact(laptop::requestFocus);
        robot.targetWindow(laptop).press(KeyCode.F11).release(KeyCode.F11);
        Stage again = waitForWall(robot);
        robot.targetWindow(again).press(KeyCode.F11).release(KeyCode.F11);
        waitUntil(() -> !again.isShowing(), 5);
        assertTrue(laptop.isShowing());
    }

    // plumbing


    /** A wall of exactly {@code width} × {@code height} on one {@code page}, on the demo board, worst-case tiles. */
    private Stage openWall(FxRobot robot, int width, int height, WallPage page) throws Exception {
        Clock clock = Clock.systemUTC();
        String actor = "tester";
        dev.warroom.app.WarRoomContext context = fixture.context();
        WallViewModel vm = new WallViewModel(WallViewModel.Source.of(context.boards(), context.crises()),
                context.background(), clock, ZoneOffset.UTC,
                page == WallPage.OVERVIEW ? WallLayout.split() : WallLayout.rotating(Duration.ofSeconds(20),
                        List.of(page)));
        DashboardViewModel dashboard = new DashboardViewModel(context.team(), context.writes(),
                new NoDialogs(), clock, ZoneOffset.UTC);
        for (String key : WallView.KEY_TILES) {
            TileData t = dashboard.tile(key).get();
            dashboard.tile(key).set(new TileData(key, t.label(), "1,234,567", t.unit(), Band.CRITICAL, Trend.UNKNOWN,
                    Freshness.STALE, "STALE since 12 min ago · source down: connection refused (timeout after 1 s)",
                    RecentSeries.EMPTY, true));
        }
        Stage wall = FxToolkitRun.call(() -> {
            Stage s = new Stage();
            WallView view = WallView.create(vm, dashboard, context.state(), context.ticker(),
                    new java.util.concurrent.atomic.AtomicInteger(), () -> { });
            Scene scene = new Scene((Parent) view.node(), width, height);
            view.attach();
            s.setOnHidden(e -> view.detach());
            Theme.applyWall(scene);
            s.setScene(scene);
            s.setWidth(width);
            s.setHeight(height);
            if (fitsTheTestScreen(width, height)) {
                s.show();
            } else {
                // Larger than the headless test screen (1920x1080): Monocle cannot take a window's pixels bigger
                // than its framebuffer (BufferOverflowException in composePixels, seen on a quiet machine too). The
                // wall is laid out at its full size without being painted; sizes and clipping are measured alike.
                s.getProperties().put(DETACH, (Runnable) view::detach);
            }
            return s;
        });
        walls.add(wall);
        waitUntil(() -> !vm.crisisNameProperty().get().equals("No active crisis"), 5);
        WaitForAsyncUtils.waitForFxEvents();
        if (!wall.isShowing()) {
            for (int pass = 0; pass < 3; pass++) { // the scale follows the laid-out size: settle as pulses would
                FxToolkitRun.call(() -> {
                    wall.getScene().getRoot().applyCss();
                    wall.getScene().getRoot().layout();
                    return null;
                });
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
        return wall;
    }

    private static final String DETACH = "test.detach";

    private static boolean fitsTheTestScreen(int width, int height) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        return width <= screen.getWidth() && height <= screen.getHeight();
    }

    /**
     * Measures on the FX thread, after the CSS and layout pass the next pulse would make. The wall rebuilds its card
     * lines whenever the board summary changes (a review countdown does each minute); read from the test thread, a
     * line added a moment before showed its label's text node still empty, as no pulse had laid it out yet.
     */
    private static void assertFits(Parent root, String where) throws Exception {
        List<String> problems = FxToolkitRun.call(() -> {
            root.applyCss();
            root.layout();
            return misfits(root);
        });
        assertTrue(problems.isEmpty(), where + ": " + String.join("\n", problems));
    }

    private static List<String> misfits(Parent root) {
        Bounds scene = new javafx.geometry.BoundingBox(0, 0, root.getScene().getWidth(), root.getScene().getHeight());
        List<String> problems = new ArrayList<>();
        for (Node n : root.lookupAll(".label")) {
            if (!(n instanceof Label l) || !l.isVisible() || l.getText() == null || l.getText().isEmpty()
                    || !shown(l)) {
                continue;
            }
            Bounds b = l.localToScene(l.getLayoutBounds());
            if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > scene.getMaxX() + 0.5
                    || b.getMaxY() > scene.getMaxY() + 0.5) {
                problems.add("outside the window: \"" + l.getText() + "\" " + b);
            }
            Node text = l.lookup(".text");
            if (text instanceof Text t && !t.getText().replace("\n", " ").strip().equals(
                    l.getText().replace("\n", " ").strip())) {
                problems.add("truncated: \"" + l.getText() + "\" shows \"" + t.getText() + "\"");
            }
            if (!l.isWrapText() && l.getWidth() + 0.5 < l.prefWidth(-1)) {
                problems.add("too narrow: \"" + l.getText() + "\" " + l.getWidth() + " < " + l.prefWidth(-1));
            }
        }
        for (String id : List.of(".wall-tiles", ".wall-board", ".wall-header", ".wall-bottom")) {
            for (Node n : root.lookupAll(id)) {
                if (n instanceof Region r && shown(r) && r.getHeight() + 0.5 < r.prefHeight(r.getWidth())) {
                    problems.add(id + " squeezed: " + r.getHeight() + " < " + r.prefHeight(r.getWidth()));
                }
            }
        }
        return problems;
    }

    /** Every piece of text shown on the wall whose type is smaller than {@code px}. */
    private static List<String> smallerThan(Parent root, double px) throws Exception {
        return FxToolkitRun.call(() -> {
            root.applyCss();
            root.layout();
            return textSmallerThan(root, px);
        });
    }

    private static List<String> textSmallerThan(Parent root, double px) {
        List<String> small = new ArrayList<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n instanceof Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
            if (n instanceof Text t && t.getText() != null && !t.getText().isBlank() && shown(t)
                    && t.getFont().getSize() + 0.01 < px) {
                small.add("\"" + t.getText() + "\" " + t.getFont().getSize() + " px");
            }
        }
        return small;
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static String countText(Node root, String column) {
        Node n = root.lookup("#wall-overview-board-count-" + column);
        return n instanceof Label l ? l.getText() : "";
    }

    private Stage waitForWall(FxRobot robot) {
        try {
            waitUntil(() -> wallWindow(robot).isPresent(), 5);
        } catch (AssertionError e) {
            throw new AssertionError("windows: " + robot.listWindows().stream().map(w -> w instanceof Stage s
                    ? s.getTitle() + " showing=" + s.isShowing() : w.toString()).toList(), e);
        }
        return wallWindow(robot).orElseThrow();
    }

    private static Optional<Stage> wallWindow(FxRobot robot) {
        return robot.listWindows().stream().filter(Window::isShowing).filter(w -> w instanceof Stage s
                && "War Room — wall".equals(s.getTitle())).map(w -> (Stage) w).findFirst();
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the wall did not reach the expected state within " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs on the FX thread and waits. */
    private static final class FxToolkitRun {
        static <T> T call(Callable<T> work) throws Exception {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        }

        static void close(Stage stage) throws Exception {
            call(() -> {
                if (!stage.isShowing() && stage.getProperties().get(DETACH) instanceof Runnable detach) {
                    detach.run(); // never shown, so no onHidden: let go of what the view attached to
                }
                stage.close();
                return null;
            });
        }
    }
}
