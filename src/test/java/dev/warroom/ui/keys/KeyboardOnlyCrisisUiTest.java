package dev.warroom.ui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.config.AppConfig;
import dev.warroom.config.ConfigLoader;
import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.MoveResult;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.Priority;
import dev.warroom.store.Database;
import dev.warroom.testing.FxWait;
import dev.warroom.testing.MainWindowFixture;
import dev.warroom.testing.MutableClock;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A crisis run without touching the mouse: start it, add a card, move one into a full column through the WIP
 * refusal with an override, pause feature work, write and send the due message, log debt, record a decision,
 * add a note. Once by the views' own keys (Tab, Space, Alt+arrows, Ctrl+N), once through the command palette.
 * A filter on every window records any mouse event; there must be none.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardOnlyCrisisUiTest {
    private Database db;
    private MainWindowFixture fixture;
    private Card signup;
    private Card feature;
    private final List<String> mouse = new CopyOnWriteArrayList<>();
    private final EventHandler<MouseEvent> noMouse = e -> mouse.add(e.getEventType() + " on " + e.getTarget());
    private final ListChangeListener<Window> watch = c -> {
        while (c.next()) {
            c.getAddedSubList().forEach(w -> w.addEventFilter(MouseEvent.ANY, noMouse));
        }
    };

    /** Where the post-mortem is written: the save dialog is the system's, which the headless platform cannot show. */
    private java.nio.file.Path reports;

    @Start
    void start(Stage stage) throws Exception {
        java.nio.file.Path dir = Files.createTempDirectory("warroom-keyboard-only");
        db = Database.open(dir.resolve("run"));
        // the run is about the keyboard, not the wording: the first channels' templates leave no fact to fill in
        java.nio.file.Path templates = Files.createDirectories(dir.resolve("templates"));
        for (String name : List.of("war-room-kickoff", "status-page")) {
            Files.writeString(templates.resolve(name + ".mustache"), "We are on it. Next update in 30 minutes.\n");
        }
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        AppConfig config = ConfigLoader.load(null);
        BoardService seed = new BoardService(db, clock, "tester", config.initialPolicy());
        MainWindowFixture.offFxThread(() -> {
            Card db = seed.create(draft(clock, "DB pool exhausted", CardKind.SCALING), Column.BACKLOG);
            seed.move(db.id(), db.version(), Column.IN_PROGRESS, 0, null);
            signup = seed.create(draft(clock, "Signup failing", CardKind.SCALING), Column.BACKLOG);
            feature = seed.create(draft(clock, "Dark mode", CardKind.FEATURE), Column.BACKLOG);
            return null;
        });
        reports = Files.createDirectories(dir.resolve("reports"));
        fixture = MainWindowFixture.show(stage, db, clock, MainWindowFixture.options().config(config)
                .context(b -> b.templateFolder(templates)).exportsTo(reports));
        Window.getWindows().forEach(w -> w.addEventFilter(MouseEvent.ANY, noMouse));
        Window.getWindows().addListener(watch);
    }

    private static CardDraft draft(MutableClock clock, String title, CardKind kind) {
        return CardDraft.of(title, "", kind, kind == CardKind.FEATURE ? Priority.MEDIUM : Priority.CRITICAL, "", "",
                "", clock.instant(), ZoneOffset.UTC);
    }

    @AfterEach
    void close() throws Exception {
        Window.getWindows().removeListener(watch);
        fixture.close();
    }

    @Test
    void aWholeCrisisByTheViewsKeys(FxRobot robot) {
        FxWait.until(() -> robot.lookup("#card-" + feature.id()).tryQuery().isPresent());
        tabTo(robot, "start-crisis");
        robot.type(KeyCode.SPACE);
        startCrisisInTheDialog(robot);

        keys(robot, KeyCode.CONTROL, KeyCode.N);
        addCardInTheDialog(robot);

        tabTo(robot, "card-" + signup.id());
        keys(robot, KeyCode.ALT, KeyCode.RIGHT);
        overrideTheWipLimit(robot);

        tabTo(robot, "pause-features");
        robot.type(KeyCode.SPACE);
        FxWait.until(() -> column(feature.id()) == Column.PAUSED);

        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        tabToPrefix(robot, "write-");
        robot.type(KeyCode.SPACE);
        tabTo(robot, "mark-sent");
        robot.type(KeyCode.SPACE);
        FxWait.until(() -> recorded(EventKind.COMMS_SENT));

        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT5);
        tabTo(robot, "debt-add");
        robot.type(KeyCode.SPACE);
        logDebtInTheDialog(robot);

        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT6);
        tabTo(robot, "plan-tabs");
        robot.type(KeyCode.RIGHT, 2);
        tabTo(robot, "decision-stability");
        recordDecisionInTheForm(robot);

        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT7);
        tabTo(robot, "add-note");
        robot.type(KeyCode.SPACE);
        addNoteInTheDialog(robot);

        tabTo(robot, "export-report");
        robot.type(KeyCode.SPACE);
        postMortemWritten();

        assertEquals(List.of(), mouse, "mouse events during a keyboard-only run");
    }

    @Test
    void theSameCrisisThroughThePalette(FxRobot robot) {
        FxWait.until(() -> robot.lookup("#card-" + feature.id()).tryQuery().isPresent());
        palette(robot, "start crisis");
        startCrisisInTheDialog(robot);

        palette(robot, "new card");
        addCardInTheDialog(robot);

        tabTo(robot, "card-" + signup.id());
        palette(robot, "move the focused card to in progress");
        overrideTheWipLimit(robot);

        palette(robot, "pause feature work");
        FxWait.until(() -> column(feature.id()) == Column.PAUSED);

        FxWait.until(() -> robot.lookup("#comms-due-banner").query().isVisible());
        palette(robot, "write the due message");
        FxWait.until(() -> "Comms".equals(fixture.window().shownView()));
        palette(robot, "mark as sent");
        FxWait.until(() -> recorded(EventKind.COMMS_SENT));

        palette(robot, "log debt");
        logDebtInTheDialog(robot);

        palette(robot, "record a decision");
        FxWait.until(() -> focused("decision-stability"));
        recordDecisionInTheForm(robot);

        palette(robot, "add a note");
        addNoteInTheDialog(robot);

        palette(robot, "post-mortem");
        postMortemWritten();

        assertEquals(List.of(), mouse, "mouse events during a keyboard-only run");
    }

    private void startCrisisInTheDialog(FxRobot robot) {
        FxWait.until(() -> focused("crisis-name"));
        write(robot, "Launch surge");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> fixture.context().state().crisisProperty().get() != null);
    }

    private void addCardInTheDialog(FxRobot robot) {
        FxWait.until(() -> focused("card-title"));
        write(robot, "Payments timing out");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> cards().stream().anyMatch(c -> c.title().equals("Payments timing out")));
    }

    private void overrideTheWipLimit(FxRobot robot) {
        FxWait.until(() -> focused("override-reason"));
        write(robot, "login outage needs both");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> column(signup.id()) == Column.IN_PROGRESS);
    }

    private void logDebtInTheDialog(FxRobot robot) {
        FxWait.until(() -> windows().size() == 2);
        tabTo(robot, "debt-area");
        write(robot, "Database");
        tabTo(robot, "debt-shortcut");
        write(robot, "Raised the pool size by hand");
        tabTo(robot, "debt-reason");
        write(robot, "No time for a proxy");
        tabTo(robot, "debt-owner");
        write(robot, "@alice");
        keys(robot, KeyCode.CONTROL, KeyCode.ENTER);
        FxWait.until(() -> recorded(EventKind.DEBT_LOGGED));
    }

    private void recordDecisionInTheForm(FxRobot robot) {
        write(robot, "4");
        tabTo(robot, "decision-growth");
        write(robot, "1200");
        tabTo(robot, "decision-revenue");
        write(robot, "8000");
        tabTo(robot, "decision-window");
        write(robot, "14");
        tabTo(robot, "decision-rationale");
        write(robot, "Stability first while signups fail");
        tabTo(robot, "decision-record");
        robot.type(KeyCode.SPACE);
        FxWait.until(() -> recorded(EventKind.DECISION_RECORDED));
    }

    private void addNoteInTheDialog(FxRobot robot) {
        FxWait.until(() -> focused("text-input"));
        write(robot, "Replica caught up");
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> recorded(EventKind.NOTE));
    }

    /** The post-mortem of the crisis just run is on disk, as HTML and Markdown, and tells its story. */
    private void postMortemWritten() {
        FxWait.until(30, () -> report(".md").isPresent() && report(".html").isPresent());
        try {
            assertTrue(Files.readString(report(".md").orElseThrow()).contains("Replica caught up"),
                    "the note is in the post-mortem");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private java.util.Optional<java.nio.file.Path> report(String ending) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = Files.list(reports)) {
            return files.filter(f -> f.toString().endsWith(ending) && f.toFile().length() > 0).findFirst();
        }
    }

    private void palette(FxRobot robot, String command) {
        keys(robot, KeyCode.CONTROL, KeyCode.K);
        FxWait.until(() -> focused("palette-search"));
        write(robot, command);
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> focusOwner() == null || !"palette-search".equals(focusOwner().getId()));
    }

    /** Presses Tab until the control {@code id} has the focus (at most 80 times). */
    private static void tabTo(FxRobot robot, String id) {
        for (int i = 0; i < 80 && !focused(id); i++) {
            robot.type(KeyCode.TAB);
        }
        assertTrue(focused(id), "Tab reaches #" + id + "; the focus is on " + focusOwner());
    }

    private static void tabToPrefix(FxRobot robot, String prefix) {
        for (int i = 0; i < 80; i++) {
            Node f = focusOwner();
            if (f != null && f.getId() != null && f.getId().startsWith(prefix)) {
                return;
            }
            robot.type(KeyCode.TAB);
        }
        throw new AssertionError("Tab reaches no #" + prefix + "…; the focus is on " + focusOwner());
    }

    private static void keys(FxRobot robot, KeyCode modifier, KeyCode key) {
        robot.press(modifier, key).release(key, modifier);
    }

    private List<Card> cards() {
        return db.read(tx -> tx.cards());
    }

    private Column column(long id) {
        return cards().stream().filter(c -> c.id() == id).findFirst().orElseThrow().column();
    }

    private boolean recorded(EventKind kind) {
        return db.read(tx -> tx.latestEvents(500)).stream().anyMatch(e -> e.kind() == kind);
    }

    private static List<Window> windows() {
        return Window.getWindows().stream().filter(Window::isShowing).toList();
    }

    private static Node focusOwner() {
        List<Window> shown = windows().stream().filter(w -> w.getScene() != null).toList();
        return shown.isEmpty() ? null : shown.get(shown.size() - 1).getScene().getFocusOwner();
    }

    private static boolean focused(String id) {
        Node f = focusOwner();
        return f != null && id.equals(f.getId());
    }

    /** Types into the window on top (TestFX writes into its target window, which stays the main one). */
    private static void write(FxRobot robot, String text) {
        List<Window> shown = windows();
        robot.targetWindow(shown.get(shown.size() - 1));
        robot.write(text);
    }
}
