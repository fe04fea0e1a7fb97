package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.DemoCrisis;
import dev.warroom.store.Database;
import dev.warroom.testing.FxWait;
import dev.warroom.testing.MainWindowFixture;
import dev.warroom.testing.MutableClock;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The laptop: a 1366×768 window, in both themes, with the demo crisis loaded. No control's text is cut
 * short ("Lau…", "S…"): every {@link Labeled} on every view displays its whole text, except a label that
 * gives way on purpose and carries its full text in a tooltip (the crisis name).
 */
@ExtendWith(ApplicationExtension.class)
class LaptopLayoutUiTest {
    private Database db;
    private MutableClock clock;
    private MainWindowFixture fixture;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        db = Database.open(Files.createTempDirectory("warroom-laptop").resolve("laptop"));
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        MainWindowFixture.offFxThread(() -> new DemoCrisis(db, clock, "alice").load());
        stage.setWidth(1366);
        stage.setHeight(768);
        fixture = MainWindowFixture.show(stage, db, clock, MainWindowFixture.options().theme(Theme.LIGHT));
        stage.setWidth(1366);
        stage.setHeight(768);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void everyViewShowsEveryControlsTextInFullAt1366InBothThemes(FxRobot robot) throws Exception {
        FxWait.until(20, () -> !text(robot, "#crisis-name").isEmpty());
        FxWait.until(20, () -> robot.lookup("#comms-due-banner").query().isVisible());
        List<String> clipped = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            for (String view : navNames(robot)) {
                robot.clickOn("#nav-" + view.toLowerCase());
                WaitForAsyncUtils.waitForFxEvents();
                FxWait.until(10, () -> settled(robot));
                String where = theme + " " + view;
                robot.interact(() -> clipped.addAll(clippedIn(stage.getScene().getRoot(), where)));
                if (view.equals("Comms")) {
                    // writing the first due message: fields for what is missing, the reason beside Mark as sent
                    robot.clickOn(robot.lookup(".due-row .button").nth(0).queryButton());
                    FxWait.until(10, () -> robot.lookup(".fill-in").tryQuery().isPresent());
                    WaitForAsyncUtils.waitForFxEvents();
                    robot.interact(() -> clipped.addAll(clippedIn(stage.getScene().getRoot(), where + " writing")));
                }
            }
            robot.clickOn("#theme-toggle");
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(clipped.isEmpty(), "cut short at 1366x768:\n" + String.join("\n", clipped));
    }

    // what is on screen

    private static List<String> navNames(FxRobot robot) {
        List<String> names = new ArrayList<>();
        robot.lookup(".nav-button").queryAllAs(ToggleButton.class).forEach(b -> names.add(b.getText()));
        return names;
    }

    private static boolean settled(FxRobot robot) {
        return robot.lookup(".nav-button").tryQuery().isPresent();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    /**
     * Every shown control whose displayed text differs from its text. Cells of lists and tables are
     * left out (their overflow is the list's business); a label that shortens with its full text in a
     * tooltip gives way on purpose.
     */
    static List<String> clippedIn(Parent root, String where) {
        root.applyCss();
        root.layout();
        List<String> out = new ArrayList<>();
        walk(root, where, out);
        return out;
    }

    private static void walk(Node node, String where, List<String> out) {
        if (!node.isVisible() || node instanceof IndexedCell<?>) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String shown = displayed(l);
            boolean onPurpose = l.getTooltip() != null && l.getText().equals(l.getTooltip().getText());
            if (shown != null && !shown.equals(l.getText()) && !onPurpose) {
                Bounds b = l.getLayoutBounds();
                out.add(where + ": " + l.getClass().getSimpleName() + describe(l) + " shows \"" + shown + "\" of \""
                        + l.getText() + "\" (" + Math.round(b.getWidth()) + "px wide)");
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, where, out);
            }
        }
    }

    private static String describe(Labeled l) {
        return (l.getId() != null ? " #" + l.getId() : "") + (l.getStyleClass().isEmpty() ? ""
                : " ." + String.join(".", l.getStyleClass()));
    }

    /** The text the skin draws (its LabeledText), or null when the control has no skin text yet. */
    private static String displayed(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    @SuppressWarnings("unused")
    private static void waitUntil(Callable<Boolean> condition) {
        FxWait.until(10, condition);
    }
}
