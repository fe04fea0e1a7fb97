package dev.warroom.ui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.store.Database;
import dev.warroom.testing.FxWait;
import dev.warroom.testing.MainWindowFixture;
import dev.warroom.testing.MutableClock;
import dev.warroom.ui.shell.CommandList;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window opens with its first view built and builds each other one the first time it is shown; the
 * palette lists every view's commands from the start, and running one of a view not built yet shows it built.
 */
@ExtendWith(ApplicationExtension.class)
class LazyViewsUiTest {
    private MainWindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        Database db = Database.open(Files.createTempDirectory("warroom-lazy").resolve("lazy"));
        fixture = MainWindowFixture.show(stage, db, MutableClock.at("2026-11-23T10:00:00Z"),
                MainWindowFixture.options());
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void onlyTheFirstViewIsBuiltUntilAnotherIsShown(FxRobot robot) throws Exception {
        FxWait.until(() -> robot.lookup("#shell").tryQuery().isPresent());
        assertEquals(List.of("Board"), fx(() -> fixture.window().builtViews()));
        // every view's own commands are offered before the view is built
        Set<String> views = fx(() -> fixture.window().commands().stream().filter(e -> !e.global())
                .map(CommandList.Entry::view).collect(Collectors.toSet()));
        assertEquals(Set.of("Board", "Dashboard", "Crisis", "Comms", "Debt", "Plan", "Timeline"), views);
        assertTrue(fx(() -> fixture.window().commands().stream().anyMatch(e -> e.view().equals("Dashboard")
                && e.command().name().equals("Team status…"))));

        robot.clickOn("#nav-dashboard");
        FxWait.until(() -> robot.lookup("#dashboard-view").tryQuery().isPresent());
        assertEquals(List.of("Board", "Dashboard"), fx(() -> fixture.window().builtViews()));
        robot.clickOn("#nav-timeline");
        FxWait.until(() -> robot.lookup("#timeline-view").tryQuery().isPresent());
        Node timeline = robot.lookup("#timeline-view").query();
        robot.clickOn("#nav-board");
        robot.clickOn("#nav-timeline");
        FxWait.until(() -> robot.lookup("#timeline-view").tryQuery().isPresent());
        assertTrue(timeline == robot.lookup("#timeline-view").query(), "a view is built once and kept");
        assertEquals(List.of("Board", "Dashboard", "Timeline"), fx(() -> fixture.window().builtViews()));
    }

    @Test
    void aPaletteCommandOfAViewNotBuiltYetBuildsAndShowsItFirst(FxRobot robot) throws Exception {
        FxWait.until(() -> robot.lookup("#shell").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        FxWait.until(() -> {
            Node f = focusOwner();
            return f != null && "palette-search".equals(f.getId());
        });
        List<Window> shown = windows();
        robot.targetWindow(shown.get(shown.size() - 1));
        robot.write("record a decision");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> "Plan".equals(fixture.window().shownView()));
        // the command's own work ran on the view it just built: the decision form has the typing focus
        FxWait.until(() -> {
            Node f = focusOwner();
            return f != null && "decision-stability".equals(f.getId());
        });
        assertTrue(fx(() -> fixture.window().builtViews()).contains("Plan"));
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private static List<Window> windows() {
        return Window.getWindows().stream().filter(Window::isShowing).toList();
    }

    private static Node focusOwner() {
        List<Window> shown = windows().stream().filter(w -> w.getScene() != null).toList();
        return shown.isEmpty() ? null : shown.get(shown.size() - 1).getScene().getFocusOwner();
    }
}
