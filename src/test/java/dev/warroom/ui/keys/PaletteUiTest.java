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
import dev.warroom.ui.shell.PaletteViewModel;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The command palette (Ctrl+K) driven by keyboard alone. */
@ExtendWith(ApplicationExtension.class)
class PaletteUiTest {
    private Database db;
    private MainWindowFixture fixture;
    private Stage main;
    private Card feature;

    @Start
    void start(Stage stage) throws Exception {
        main = stage;
        db = Database.open(Files.createTempDirectory("warroom-palette").resolve("palette"));
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        AppConfig config = ConfigLoader.load(null);
        BoardService seed = new BoardService(db, clock, "tester", config.initialPolicy());
        feature = MainWindowFixture.offFxThread(() -> seed.create(CardDraft.of("Dark mode", "", CardKind.FEATURE,
                Priority.MEDIUM, "", "", "", clock.instant(), ZoneOffset.UTC), Column.BACKLOG));
        fixture = MainWindowFixture.show(stage, db, clock, MainWindowFixture.options().config(config));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void findsACommandByNameShowsItsShortcutAndRunsItWithEnter(FxRobot robot) {
        FxWait.until(() -> robot.lookup("#card-" + feature.id()).tryQuery().isPresent());
        openPalette(robot);
        write(robot, "new card");
        PaletteViewModel.Match first = list(robot).getItems().get(0);
        assertEquals("New card…", first.name());
        assertEquals("Ctrl+N", first.keys(), "the shortcut is shown beside the command");

        robot.type(KeyCode.BACK_SPACE, "new card".length());
        write(robot, "pause");
        FxWait.until(() -> list(robot).getItems().get(0).name().equals("Pause feature work"));
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> windows().size() == 1);
        FxWait.until(() -> column(feature.id()) == Column.PAUSED);
    }

    @Test
    void anUnavailableCommandShowsWhyAndEscCloses(FxRobot robot) {
        FxWait.until(() -> robot.lookup("#card-" + feature.id()).tryQuery().isPresent());
        openPalette(robot);
        write(robot, "declare stable");
        PaletteViewModel.Match declare = list(robot).getItems().get(0);
        assertEquals("Declare stable…", declare.name());
        assertFalse(declare.available());
        assertEquals("no crisis is active", declare.blocked());
        robot.type(KeyCode.ENTER);
        Label message = robot.lookup("#palette-message").queryAs(Label.class);
        FxWait.until(message::isVisible);
        assertEquals("Declare stable… is not available: no crisis is active", message.getText());
        assertEquals(2, windows().size(), "the palette stays open");
        robot.type(KeyCode.ESCAPE);
        FxWait.until(() -> windows().size() == 1);
        assertEquals("Board", fixture.window().shownView(), "nothing ran");
    }

    @Test
    void aCommandOfAnotherViewShowsThatViewFirst(FxRobot robot) {
        FxWait.until(() -> robot.lookup("#card-" + feature.id()).tryQuery().isPresent());
        openPalette(robot);
        write(robot, "go to debt");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> "Debt".equals(fixture.window().shownView()));
        openPalette(robot);
        write(robot, "switch theme");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> main.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
    }

    private void openPalette(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        FxWait.until(() -> {
            Node f = focusOwner();
            return f != null && "palette-search".equals(f.getId());
        });
    }

    @SuppressWarnings("unchecked")
    private static ListView<PaletteViewModel.Match> list(FxRobot robot) {
        return robot.lookup("#palette-list").queryAs(ListView.class);
    }

    private Column column(long id) {
        return db.read(tx -> tx.cards()).stream().filter(c -> c.id() == id).findFirst().orElseThrow().column();
    }

    private static List<Window> windows() {
        return Window.getWindows().stream().filter(Window::isShowing).toList();
    }

    private static Node focusOwner() {
        List<Window> shown = windows().stream().filter(w -> w.getScene() != null).toList();
        return shown.isEmpty() ? null : shown.get(shown.size() - 1).getScene().getFocusOwner();
    }

    /** Types into the window on top (TestFX writes into its target window, which stays the main one). */
    private static void write(FxRobot robot, String text) {
        List<Window> shown = windows();
        robot.targetWindow(shown.get(shown.size() - 1));
        robot.write(text);
    }
}
