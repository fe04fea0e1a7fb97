package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.app.MainWindow;
import dev.warroom.config.AppConfig;
import dev.warroom.crisis.BoardService;
import dev.warroom.config.ConfigLoader;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real main window as a commander would: mouse, keyboard, dialogs; real H2 file underneath. */
@ExtendWith(ApplicationExtension.class)
class BoardUiTest {
    private Path dir;
    private Database db;
    private MutableClock clock;
    private BoardService seed;
    private dev.warroom.testing.MainWindowFixture fixture;
    private Card dbScale;
    private Card signup;
    private Card cdn;
    private Card featureA;
    private Card featureB;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("warroom-ui");
        db = Database.open(dir.resolve("board"));
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        AppConfig config = ConfigLoader.load(null);
        seed = new BoardService(db, clock, "tester", config.initialPolicy());
        dev.warroom.testing.MainWindowFixture.offFxThread(() -> {
            seedCards();
            return null;
        });
        fixture = dev.warroom.testing.MainWindowFixture.show(stage, db, clock,
                dev.warroom.testing.MainWindowFixture.options().config(config));
    }

    private void seedCards() {
        dbScale = seed.create(draft("DB scale", CardKind.SCALING, Priority.CRITICAL, "alice"), Column.BACKLOG);
        dbScale = ((dev.warroom.crisis.MoveResult.Moved) seed.move(dbScale.id(), dbScale.version(),
                Column.IN_PROGRESS, 0, null)).card();
        signup = seed.create(draft("Signup failing", CardKind.SCALING, Priority.CRITICAL, ""), Column.BACKLOG);
        cdn = seed.create(draft("CDN setup", CardKind.SCALING, Priority.HIGH, "bob"), Column.REVIEW);
        featureA = seed.create(draft("Feature A", CardKind.FEATURE, Priority.MEDIUM, ""), Column.BACKLOG);
        featureB = seed.create(draft("Feature B", CardKind.FEATURE, Priority.MEDIUM, "erin"), Column.BACKLOG);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    /** Waits until the writer has done all that is queued (twice: a write may queue a refresh). */
    private void drainWrites() throws InterruptedException {
        for (int round = 0; round < 2; round++) {
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> fixture.context().writes().run(() -> null,
                    x -> done.countDown(), e -> done.countDown()));
            assertTrue(done.await(10, TimeUnit.SECONDS));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private CardDraft draft(String title, CardKind kind, Priority priority, String who) {
        return CardDraft.of(title, "", kind, priority, who, "", "", clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void createsACardThroughTheDialog(FxRobot robot) {
        waitUntil(() -> robot.lookup("#card-" + signup.id()).tryQuery().isPresent());
        robot.clickOn("#new-card");
        robot.clickOn("#card-title").write("Payments timing out");
        robot.clickOn("#card-assignee").write("@dave");
        robot.clickOn("#card-eta").write("90m");
        robot.clickOn("#card-save");
        waitUntil(() -> titlesIn(robot, Column.BACKLOG).contains("Payments timing out"));
        Card created = db.read(tx -> tx.cards()).stream().filter(c -> c.title().equals("Payments timing out"))
                .findFirst().orElseThrow();
        assertEquals("dave", created.assignee());
        assertEquals(clock.instant().plus(Duration.ofMinutes(90)), created.eta());
        assertEquals(EventKind.CARD_CREATED, latest().kind());
    }

    @Test
    void refusesABadEtaAndKeepsTheDialogOpen(FxRobot robot) {
        robot.clickOn("#new-card");
        robot.clickOn("#card-title").write("Cache stampede");
        robot.clickOn("#card-eta").write("soon");
        robot.clickOn("#card-save");
        Label error = robot.lookup("#dialog-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("\"soon\""), error.getText());
        robot.clickOn("#card-eta").eraseText(4).write("2h");
        assertFalse(error.isVisible(), "the refusal stays on screen after the input was corrected: " + error.getText());
        robot.clickOn("#card-save");
        waitUntil(() -> titlesIn(robot, Column.BACKLOG).contains("Cache stampede"));
    }

    @Test
    void aShownProblemFollowsTheInputUntilItIsFixed(FxRobot robot) {
        robot.clickOn("#new-card");
        robot.clickOn("#card-save");
        Label error = robot.lookup("#dialog-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().toLowerCase(java.util.Locale.ROOT).contains("title"), error.getText());
        robot.clickOn("#card-eta").write("soon");
        assertTrue(error.isVisible());
        robot.clickOn("#card-title").write("Queue backlog");
        assertTrue(error.getText().contains("\"soon\""), "the message now names the remaining problem: " + error.getText());
        robot.clickOn("#card-eta").eraseText(4);
        assertFalse(error.isVisible(), error.getText());
        robot.clickOn("#card-save");
        waitUntil(() -> titlesIn(robot, Column.BACKLOG).contains("Queue backlog"));
    }

    @Test
    void dragIntoFullInProgressIsRefusedThenOverriddenWithAReason(FxRobot robot) {
        waitUntil(() -> robot.lookup("#card-" + signup.id()).tryQuery().isPresent());
        robot.drag("#card-" + signup.id()).dropTo("#column-IN_PROGRESS");
        waitUntil(() -> robot.lookup("#wip-refusal-message").tryQuery().isPresent());
        String refusal = robot.lookup("#wip-refusal-message").queryAs(Label.class).getText();
        assertTrue(refusal.contains("In progress WIP limit of 1"), refusal);
        assertTrue(refusal.contains("\"DB scale\" (@alice)"), refusal);
        assertTrue(robot.lookup("#override-confirm").query().isDisabled(), "override needs a reason first");
        robot.clickOn("Cancel");
        assertEquals(List.of("DB scale"), titlesIn(robot, Column.IN_PROGRESS));

        robot.drag("#card-" + signup.id()).dropTo("#column-IN_PROGRESS");
        waitUntil(() -> robot.lookup("#override-reason").tryQuery().isPresent());
        robot.clickOn("#override-reason").write("signups are the launch");
        robot.clickOn("#override-confirm");
        waitUntil(() -> titlesIn(robot, Column.IN_PROGRESS).size() == 2);
        // the reason marks the column; it does not replace its title or count
        assertEquals("2 / 1", countText(robot, Column.IN_PROGRESS));
        assertTrue(robot.lookup("#override-IN_PROGRESS").query().isVisible());
        assertEquals("WIP override: signups are the launch",
                robot.lookup("#override-IN_PROGRESS").queryAs(Label.class).getTooltip().getText());
        assertTrue(robot.lookup("#column-IN_PROGRESS").query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("over-limit")));
        assertTrue(events().stream().anyMatch(e -> e.kind() == EventKind.WIP_OVERRIDE
                && e.summary().contains("signups are the launch")));

        robot.drag("#card-" + dbScale.id()).dropTo("#column-REVIEW");
        waitUntil(() -> countText(robot, Column.IN_PROGRESS).equals("1 / 1"));
        assertTrue(events().stream().anyMatch(e -> e.kind() == EventKind.WIP_OVERRIDE_CLEARED));
    }

    @Test
    void reviewSlaTurnsAmberAt80PercentAndRedOnBreachRecordedOnce(FxRobot robot) throws Exception {
        PseudoClass amber = PseudoClass.getPseudoClass("sla-warning");
        PseudoClass red = PseudoClass.getPseudoClass("sla-breached");
        waitUntil(() -> robot.lookup("#card-" + cdn.id()).tryQuery().isPresent());
        Node card = robot.lookup("#card-" + cdn.id()).query();
        assertFalse(card.getPseudoClassStates().contains(amber));

        clock.advance(Duration.ofMinutes(48));
        waitUntil(() -> robot.lookup("#card-" + cdn.id()).query().getPseudoClassStates().contains(amber));
        assertTrue(text(robot, "#card-" + cdn.id() + " .card-sla").contains("12:00 left"));
        assertEquals("No SLA breaches", robot.lookup("#breach-count").queryAs(Label.class).getText());

        clock.advance(Duration.ofMinutes(13));
        waitUntil(() -> robot.lookup("#card-" + cdn.id()).query().getPseudoClassStates().contains(red));
        assertEquals("1 SLA breach", robot.lookup("#breach-count").queryAs(Label.class).getText());
        waitUntil(() -> events().stream().anyMatch(e -> e.kind() == EventKind.SLA_BREACHED));
        clock.advance(Duration.ofMinutes(1));
        for (int check = 0; check < 2; check++) {
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
                for (int second = 0; second < 5; second++) {
                    fixture.context().ticker().pulse();
                }
            });
            drainWrites();
        }
        assertEquals(1, events().stream().filter(e -> e.kind() == EventKind.SLA_BREACHED).count());
    }

    @Test
    void pausesAndResumesFeatureWork(FxRobot robot) {
        waitUntil(() -> titlesIn(robot, Column.BACKLOG).contains("Feature A"));
        robot.clickOn("#pause-features");
        waitUntil(() -> titlesIn(robot, Column.PAUSED).size() == 2);
        assertFalse(titlesIn(robot, Column.BACKLOG).contains("Feature A"));
        assertEquals(1, events().stream().filter(e -> e.kind() == EventKind.FEATURES_PAUSED).count());

        robot.clickOn("#resume-features");
        waitUntil(() -> titlesIn(robot, Column.PAUSED).isEmpty());
        assertTrue(titlesIn(robot, Column.BACKLOG).containsAll(List.of("Feature A", "Feature B")));

        robot.clickOn("#undo");
        waitUntil(() -> titlesIn(robot, Column.PAUSED).size() == 2);
    }

    @Test
    void movesAndDeletesByKeyboardWithUndo(FxRobot robot) {
        waitUntil(() -> robot.lookup("#card-" + cdn.id()).tryQuery().isPresent());
        robot.clickOn("#card-" + cdn.id());
        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        waitUntil(() -> titlesIn(robot, Column.DONE).contains("CDN setup"));

        robot.clickOn("#card-" + cdn.id());
        robot.type(KeyCode.DELETE);
        waitUntil(() -> robot.lookup("#card-" + cdn.id()).tryQuery().isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> titlesIn(robot, Column.DONE).contains("CDN setup"));
    }

    @Test
    void filtersBySearchAndAssignee(FxRobot robot) {
        waitUntil(() -> titlesIn(robot, Column.BACKLOG).contains("Feature B"));
        robot.clickOn("#board-search").write("feature");
        waitUntil(() -> titlesIn(robot, Column.BACKLOG).equals(List.of("Feature A", "Feature B")));
        assertTrue(titlesIn(robot, Column.IN_PROGRESS).isEmpty());
        robot.interact(() -> robot.lookup("#assignee-filter")
                .<javafx.scene.control.ComboBox<String>>query().setValue("erin"));
        waitUntil(() -> titlesIn(robot, Column.BACKLOG).equals(List.of("Feature B")));
    }

    @Test
    void switchesThemeAtRuntimeAndRemembersIt(FxRobot robot) {
        robot.clickOn("#theme-toggle");
        waitUntil(() -> robot.lookup("#shell").query().getScene().getStylesheets().stream()
                .anyMatch(s -> s.endsWith("styles/dark.css")));
        waitUntil(() -> new dev.warroom.crisis.DisplayPreferences(db).theme().equals(Optional.of("dark")));
    }

    // helpers

    private List<String> titlesIn(FxRobot robot, Column column) {
        Pane pane = robot.lookup("#column-" + column.name()).queryAs(Pane.class);
        return robot.from(pane).lookup(".card-title").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private String countText(FxRobot robot, Column column) {
        return robot.lookup("#count-" + column.name()).queryAs(Label.class).getText();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private List<TimelineEvent> events() {
        return db.read(tx -> tx.latestEvents(500));
    }

    private TimelineEvent latest() {
        return events().get(0);
    }

    private static void waitUntil(Callable<Boolean> condition) {
        dev.warroom.testing.FxWait.until(10, condition);
    }
}
