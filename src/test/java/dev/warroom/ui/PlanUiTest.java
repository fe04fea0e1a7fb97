package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.app.MainWindow;
import dev.warroom.config.AppConfig;
import dev.warroom.config.ConfigLoader;
import dev.warroom.crisis.CrisisService;
import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.debt.DebtEntry;
import dev.warroom.domain.plan.ChecklistTick;
import dev.warroom.domain.plan.Quadrant;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the Debt and Plan views through the real window on a real H2 file. */
@ExtendWith(ApplicationExtension.class)
class PlanUiTest {
    private Database db;
    private dev.warroom.testing.MainWindowFixture fixture;
    private long crisisId;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("warroom-plan-ui");
        db = Database.open(dir.resolve("plan"));
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        AppConfig config = ConfigLoader.load(null);
        crisisId = dev.warroom.testing.MainWindowFixture.offFxThread(() -> {
            CrisisService crises = new CrisisService(db, clock, "tester");
            long id = crises.start("Launch surge", clock.instant()).id();
            crises.assignRole(dev.warroom.domain.CrisisRole.SCRIBE.key(), "sam");
            crises.assignRole(dev.warroom.domain.CrisisRole.COMMANDER.key(), "dana");
            return id;
        });
        fixture = dev.warroom.testing.MainWindowFixture.show(stage, db, clock,
                dev.warroom.testing.MainWindowFixture.options().config(config));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void logDebtAndTurnItIntoABacklogCard(FxRobot robot) {
        robot.clickOn("#nav-debt");
        robot.clickOn("#debt-add");
        robot.clickOn("#debt-area").write("Database");
        robot.clickOn("#debt-shortcut").write("Pool size hard-coded to 500");
        robot.clickOn("#debt-owner").write("@alice");
        robot.doubleClickOn("#debt-week").write("7");
        robot.clickOn("#debt-save");
        Label error = robot.lookup("#dialog-error").queryAs(Label.class);
        assertTrue(error.isVisible() && error.getText().contains("week 1 to 4"), error.getText());
        robot.doubleClickOn("#debt-week").write("1");
        robot.clickOn("#debt-save");
        TableView<?> table = robot.lookup("#debt-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        DebtEntry entry = db.read(tx -> tx.debtEntries()).get(0);
        assertEquals("alice", entry.owner());
        waitUntil(() -> robot.lookup("#promote-" + entry.id()).tryQuery().isPresent());
        robot.clickOn("#promote-" + entry.id());
        waitUntil(() -> db.read(tx -> tx.debtEntries()).get(0).cardId() != null);
        long cardId = db.read(tx -> tx.debtEntries()).get(0).cardId();
        Card card = db.read(tx -> tx.card(cardId)).orElseThrow();
        assertEquals(Column.BACKLOG, card.column());
        assertTrue(card.title().contains("Pool size hard-coded"), card.title());
        assertTrue(kinds().contains(EventKind.DEBT_PROMOTED));
    }

    @Test
    void tickAChecklistItemAndSeeAutoTicks(FxRobot robot) {
        robot.clickOn("#nav-plan");
        waitUntil(() -> robot.lookup("#checklist-infrastructure-sprint").tryQuery().isPresent());
        robot.clickOn("#check-infrastructure-sprint-cdn");
        waitUntil(() -> ticks().stream().anyMatch(t -> t.itemId().equals("cdn")));
        ChecklistTick tick = ticks().stream().filter(t -> t.itemId().equals("cdn")).findFirst().orElseThrow();
        assertEquals(System.getProperty("user.name", "commander"), tick.by(), "the window's actor");
        waitUntil(() -> robot.lookup("#checklist-count-infrastructure-sprint").queryAs(Label.class).getText()
                .equals("1 / 6"));
        assertTrue(robot.lookup("#check-infrastructure-sprint-cdn").queryAs(CheckBox.class).isSelected());
        assertTrue(robot.lookup("#check-first-two-hours-assign-commander").queryAs(CheckBox.class).isSelected(),
                "assigning the incident commander ticks its item by itself");
        assertTrue(!robot.lookup("#check-first-two-hours-confirm-surge").queryAs(CheckBox.class).isSelected(),
                "checking the surge is real is judgement: never ticked for the commander");
        assertTrue(ticks().stream().noneMatch(t -> t.itemId().equals("confirm-surge")));
        assertTrue(!robot.lookup("#simulated-band").queryAs(Label.class).isVisible(),
                "no simulator feeds this window: no SIMULATED DATA band");
        assertTrue(kinds().contains(EventKind.CHECKLIST_TICKED));
        assertTrue(kinds().contains(EventKind.CHECKLIST_AUTO_TICKED));
    }

    @Test
    void recordAGrowthVersusStabilityDecision(FxRobot robot) {
        robot.clickOn("#nav-plan");
        robot.clickOn("Growth vs stability");
        robot.clickOn("#decision-stability").write("5");
        robot.clickOn("#decision-growth").write("900");
        Label result = robot.lookup("#decision-result").queryAs(Label.class);
        waitUntil(() -> result.getText().equals(Quadrant.STABILITY_FIRST.label()));
        robot.clickOn("#decision-rationale").write("Signups time out; hold the launch email");
        robot.clickOn("#decision-record");
        waitUntil(() -> db.read(tx -> tx.decisions()).size() == 1);
        assertEquals(Quadrant.STABILITY_FIRST, db.read(tx -> tx.decisions()).get(0).chosen());
        assertTrue(events().stream().anyMatch(e -> e.kind() == EventKind.DECISION_RECORDED
                && e.summary().contains("hold the launch email")));
        robot.doubleClickOn("#decision-stability").write("8");
        waitUntil(() -> result.getText().equals(Quadrant.SHIP_GROWTH.label()));
    }

    private List<ChecklistTick> ticks() {
        return db.read(tx -> tx.checklistTicks(crisisId));
    }

    private List<TimelineEvent> events() {
        return db.read(tx -> tx.latestEvents(500));
    }

    private List<EventKind> kinds() {
        return events().stream().map(TimelineEvent::kind).toList();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        dev.warroom.testing.FxWait.until(10, condition);
    }
}
