package dev.warroom.ui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.config.AppConfig;
import dev.warroom.config.ConfigLoader;
import dev.warroom.crisis.BoardService;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.store.Database;
import dev.warroom.testing.FxWait;
import dev.warroom.testing.MainWindowFixture;
import dev.warroom.testing.MutableClock;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The board's dialogs by keyboard alone: where typing starts, Enter, Tab out of text areas, Ctrl+Enter, Esc. */
@ExtendWith(ApplicationExtension.class)
class KeyboardUiTest {
    private Database db;
    private MainWindowFixture fixture;
    private Stage main;
    private Card signup;

    @Start
    void start(Stage stage) throws Exception {
        main = stage;
        db = Database.open(Files.createTempDirectory("warroom-keys").resolve("keys"));
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        AppConfig config = ConfigLoader.load(null);
        BoardService seed = new BoardService(db, clock, "tester", config.initialPolicy());
        signup = MainWindowFixture.offFxThread(() -> seed.create(CardDraft.of("Signup failing", "", CardKind.SCALING,
                Priority.CRITICAL, "", "", "", clock.instant(), ZoneOffset.UTC), Column.BACKLOG));
        fixture = MainWindowFixture.show(stage, db, clock, MainWindowFixture.options().config(config));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void ctrlNStartsTypingInTheTitleAndEnterAddsTheCardOnce(FxRobot robot) {
        FxWait.until(() -> robot.lookup("#card-" + signup.id()).tryQuery().isPresent());
        shortcut(robot, KeyCode.N);
        FxWait.until(() -> focused(robot, "card-title"));
        write(robot, "Cache stampede on login");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> titles().contains("Cache stampede on login"));
        FxWait.until(() -> dialogs().isEmpty());
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> true);
        assertEquals(List.of(), dialogs(), "a second Enter after adding opened a dialog");
        assertEquals(1, titles().stream().filter("Cache stampede on login"::equals).count());
    }

    @Test
    void tabLeavesTheDescriptionAndCtrlEnterSubmits(FxRobot robot) {
        FxWait.until(() -> robot.lookup("#card-" + signup.id()).tryQuery().isPresent());
        shortcut(robot, KeyCode.N);
        FxWait.until(() -> focused(robot, "card-title"));
        write(robot, "Queue backlog");
        for (int i = 0; i < 20 && !focused(robot, "card-description"); i++) {
            robot.type(KeyCode.TAB);
        }
        assertTrue(focused(robot, "card-description"), "Tab reaches the description");
        write(robot, "Workers lag");
        robot.type(KeyCode.TAB);
        FxWait.until(() -> !focused(robot, "card-description"));
        TextArea description = robot.lookup("#card-description").queryAs(TextArea.class);
        assertEquals("Workers lag", description.getText(), "Tab typed into the text area");
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        FxWait.until(() -> focused(robot, "card-description"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        FxWait.until(() -> titles().contains("Queue backlog"));
        FxWait.until(() -> dialogs().isEmpty());
    }

    @Test
    void escClosesTheCardDialogAndAnErrorDialog(FxRobot robot) {
        FxWait.until(() -> robot.lookup("#card-" + signup.id()).tryQuery().isPresent());
        shortcut(robot, KeyCode.N);
        FxWait.until(() -> focused(robot, "card-title"));
        robot.type(KeyCode.ESCAPE);
        FxWait.until(() -> dialogs().isEmpty());
        javafx.application.Platform.runLater(() -> new dev.warroom.ui.FxDialogService(() -> main)
                .showError("Broken", "Something"));
        FxWait.until(() -> !dialogs().isEmpty());
        robot.type(KeyCode.ESCAPE);
        FxWait.until(() -> dialogs().isEmpty());
    }

    /**
     * Types {@code text} into the window on top. TestFX writes characters into its target window, which stays
     * the main window when a dialog was opened by keyboard; keys pressed go where the platform's focus is.
     */
    private static void write(FxRobot robot, String text) {
        List<Window> shown = Window.getWindows().stream().filter(Window::isShowing).toList();
        robot.targetWindow(shown.get(shown.size() - 1));
        robot.write(text);
    }

    @Test
    void aTileTakesTheFocusOpensItsChartWithEnterAndTheChartClosesOnEsc(FxRobot robot) {
        shortcut(robot, KeyCode.DIGIT2);
        FxWait.until(() -> robot.lookup("#tile-cpu").tryQuery().isPresent());
        for (int i = 0; i < 40 && !focusedStartsWith("tile-"); i++) {
            robot.type(KeyCode.TAB);
        }
        Node tile = focusOwner();
        assertTrue(tile != null && tile.getId().startsWith("tile-"), "Tab reaches a metric tile: " + tile);
        assertFalse(tile.getAccessibleText() == null || tile.getAccessibleText().isBlank(), "the tile has a spoken name");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> robot.lookup("#metric-chart").tryQuery().isPresent() && dialogs().size() == 1);
        assertTrue(robot.lookup("#chart-close").tryQuery().isPresent(), "the chart window has a close button");
        robot.type(KeyCode.ESCAPE);
        FxWait.until(() -> dialogs().isEmpty());
        robot.type(KeyCode.SPACE);
        FxWait.until(() -> dialogs().size() == 1);
        robot.type(KeyCode.ESCAPE);
        FxWait.until(() -> dialogs().isEmpty());
    }

    private static Node focusOwner() {
        List<Window> shown = Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null).toList();
        return shown.isEmpty() ? null : shown.get(shown.size() - 1).getScene().getFocusOwner();
    }

    private static boolean focusedStartsWith(String prefix) {
        Node f = focusOwner();
        return f != null && f.getId() != null && f.getId().startsWith(prefix);
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    private List<Window> dialogs() {
        return Window.getWindows().stream().filter(w -> w != main && w.isShowing()).toList();
    }

    private List<String> titles() {
        return db.read(tx -> tx.cards()).stream().map(Card::title).toList();
    }

    /** The focus owner of the window on top (the headless platform reports every shown window as focused). */
    private static boolean focused(FxRobot robot, String id) {
        Node f = focusOwner();
        return f != null && id.equals(f.getId());
    }
}
