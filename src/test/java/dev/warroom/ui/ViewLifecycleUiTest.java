package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.app.WallWindow;
import dev.warroom.crisis.BoardService;
import dev.warroom.config.ConfigLoader;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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
 * Goes where the lifecycle defects hid: views shown again and again, the wall opened and closed, work
 * left running for what is no longer on screen, the database called on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class ViewLifecycleUiTest {
    private static final int ROUNDS = 3;
    private Database db;
    private MutableClock clock;
    private Stage laptop;
    private MainWindowFixture fixture;
    private List<Card> cards;

    @Start
    void start(Stage stage) throws Exception {
        laptop = stage;
        db = Database.open(Files.createTempDirectory("warroom-lifecycle").resolve("life"));
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        BoardService seed = new BoardService(db, clock, "tester", ConfigLoader.load(null).initialPolicy());
        cards = MainWindowFixture.offFxThread(() -> List.of(
                seed.create(draft("Shard sessions"), Column.BACKLOG),
                seed.create(draft("Warm the cache"), Column.BACKLOG),
                seed.create(draft("Queue signups"), Column.BACKLOG)));
        fixture = MainWindowFixture.show(stage, db, clock, MainWindowFixture.options());
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private CardDraft draft(String title) {
        return CardDraft.of(title, "", CardKind.SCALING, Priority.HIGH, "", "", "", clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void afterGoingAwayAndBackOneUndoUndoesExactlyOneChange(FxRobot robot) throws Exception {
        Card first = cards.get(0);
        Card second = cards.get(1);
        FxWait.until(() -> robot.lookup("#card-" + second.id()).tryQuery().isPresent());
        awayAndBack(robot);

        robot.clickOn("#card-" + first.id());
        robot.type(KeyCode.DELETE);
        FxWait.until(() -> robot.lookup("#card-" + first.id()).tryQuery().isEmpty());
        settle();
        // Focus by keyboard rather than a click: the column re-lays out after the first deletion, and this test
        // is about how many times one key press is handled, not about where the pointer lands.
        robot.interact(() -> robot.lookup("#card-" + second.id()).query().requestFocus());
        FxWait.until(() -> robot.lookup("#card-" + second.id()).query().isFocused());
        robot.type(KeyCode.DELETE);
        FxWait.until(() -> robot.lookup("#card-" + second.id()).tryQuery().isEmpty());

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#card-" + second.id()).tryQuery().isPresent());
        settle();
        assertTrue(robot.lookup("#card-" + first.id()).tryQuery().isEmpty(),
                "one Ctrl+Z must undo one deletion, not both");
        assertEquals(2, fixture.context().boards().board().cards().size());
    }

    @Test
    void afterGoingAwayAndBackOneCtrlNOpensOneDialog(FxRobot robot) throws Exception {
        FxWait.until(() -> robot.lookup("#card-" + cards.get(0).id()).tryQuery().isPresent());
        awayAndBack(robot);

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#card-title").tryQuery().isPresent());
        assertEquals(1, dialogsShowing());
        robot.clickOn("Cancel");
        FxWait.until(() -> dialogsShowing() == 0);
        settle();
        assertEquals(0, dialogsShowing(), "a second card dialog opened after the first was cancelled");
    }

    @Test
    void aWallOpenedAndClosedFiveTimesLeavesNoTickListenerOrRead(FxRobot robot) throws Exception {
        WallWindow wall = fixture.window().wall();
        wall.setFullScreen(false);
        FxWait.until(() -> robot.lookup("#card-" + cards.get(0).id()).tryQuery().isPresent());
        for (int i = 0; i < 5; i++) {
            int before = wall.reads();
            robot.interact(laptop::requestFocus);
            robot.targetWindow(laptop).press(KeyCode.F11).release(KeyCode.F11);
            FxWait.until(wall::isOpen);
            assertEquals(1, wall.liveTicks(), "an open wall ticks once a second");
            assertTrue(wall.liveListeners() > 0, "an open wall follows the shared state");
            pulse(WallViewModelSeconds.REFRESH);
            assertTrue(wall.reads() > before, "an open wall reads the board");
            Stage shown = wall.stage().orElseThrow();
            robot.targetWindow(shown).press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            FxWait.until(() -> !wall.isOpen() && !shown.isShowing());
        }
        assertEquals(0, wall.liveTicks(), "a closed wall must not tick");
        assertEquals(0, wall.liveListeners(), "a closed wall must not listen to the shared state");
        int reads = wall.reads();
        pulse(WallViewModelSeconds.REFRESH * 3);
        assertEquals(reads, wall.reads(), "a closed wall must not read the database");
    }

    @Test
    void aHiddenViewRunsNothing(FxRobot robot) {
        FxWait.until(() -> robot.lookup("#card-" + cards.get(0).id()).tryQuery().isPresent());
        assertEquals(1, fixture.context().ticker().live("board"));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        FxWait.until(() -> fixture.window().shownView().equals("Timeline"));
        assertEquals(0, fixture.context().ticker().live("board"));
        assertEquals(1, fixture.context().ticker().live("timeline"));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        FxWait.until(() -> fixture.window().shownView().equals("Board"));
        assertEquals(0, fixture.context().ticker().live("timeline"));
        assertEquals(1, fixture.context().ticker().live("board"));
    }

    @Test
    void everyViewFollowsTheActiveCrisisAfterTheDemoLoads(FxRobot robot) throws Exception {
        for (Card c : cards) {
            MainWindowFixture.offFxThread(() -> {
                fixture.context().boards().delete(c.id(), c.version());
                return null;
            });
        }
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        FxWait.until(() -> "No active crisis".equals(robot.lookup("#phase-title").queryAs(Label.class).getText()));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#load-demo").tryQuery().filter(javafx.scene.Node::isVisible).isPresent());
        robot.clickOn("#load-demo");
        FxWait.until(() -> fixture.context().state().crisisProperty().get() != null);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        FxWait.until(() -> !"No active crisis".equals(robot.lookup("#phase-title").queryAs(Label.class).getText()));
        assertTrue(robot.lookup("#crisis-name").queryAs(Label.class).getText().length() > 0);
    }

    @Test
    void theStoreRefusesACallOnTheFxThread() throws Exception {
        Throwable refused = WaitForAsyncUtils.asyncFx(() -> {
            try {
                db.read(tx -> tx.cards());
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        }).get(10, TimeUnit.SECONDS);
        assertNotNull(refused, "a database read on the FX thread must fail under test");
        assertTrue(refused.getMessage().contains("JavaFX Application Thread"), refused.getMessage());
    }

    // plumbing

    /** How often the wall reads the board, in ticks. */
    private static final class WallViewModelSeconds {
        static final int REFRESH = dev.warroom.ui.wall.WallViewModel.REFRESH_SECONDS;
    }

    /** Board → Dashboard → Board, {@link #ROUNDS} times, by the shell's Ctrl+digit shortcuts. */
    private void awayAndBack(FxRobot robot) {
        for (int i = 0; i < ROUNDS; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
            FxWait.until(() -> fixture.window().shownView().equals("Dashboard"));
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
            FxWait.until(() -> fixture.window().shownView().equals("Board"));
        }
    }

    /** Runs the app's ticker {@code seconds} times at once, as if that many seconds had passed. */
    private void pulse(int seconds) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            for (int i = 0; i < seconds; i++) {
                fixture.context().ticker().pulse();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the writer has done everything queued so far (twice: a write may queue a re-read). */
    private void settle() throws InterruptedException {
        for (int round = 0; round < 2; round++) {
            CountDownLatch done = new CountDownLatch(1);
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> fixture.context().writes().run(() -> null,
                    x -> done.countDown(), e -> done.countDown()));
            assertTrue(done.await(10, TimeUnit.SECONDS));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private int dialogsShowing() {
        return (int) Window.getWindows().stream().filter(w -> w.isShowing() && w != laptop).count();
    }
}
