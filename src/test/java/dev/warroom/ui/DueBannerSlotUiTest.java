package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.CrisisService;
import dev.warroom.store.Database;
import dev.warroom.testing.FxWait;
import dev.warroom.testing.MainWindowFixture;
import dev.warroom.testing.MutableClock;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The due banner has a slot of its own: nothing below it moves when it appears or goes, and it says where to act. */
@ExtendWith(ApplicationExtension.class)
class DueBannerSlotUiTest {
    private Database db;
    private MutableClock clock;
    private MainWindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        db = Database.open(Files.createTempDirectory("warroom-banner").resolve("banner"));
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        MainWindowFixture.offFxThread(() -> new CrisisService(db, clock, "alice").start("Launch surge", null,
                clock.instant(), "alice"));
        stage.setWidth(1366);
        stage.setHeight(768);
        fixture = MainWindowFixture.show(stage, db, clock, MainWindowFixture.options().theme(Theme.DARK));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void nothingMovesWhenTheBannerComesAndGoesAndItsActionOpensComms(FxRobot robot) {
        // the war room kickoff is due at once
        FxWait.until(20, () -> robot.lookup("#comms-due-banner").query().isVisible());
        assertTrue(robot.lookup("#due-open-comms").query().isVisible(), "a visible way to act on it");
        double boardWith = sceneY(robot, "#board-view");

        robot.clickOn("#due-open-comms");
        FxWait.until(10, () -> robot.lookup("#nav-comms").queryAs(ToggleButton.class).isSelected());
        FxWait.until(10, () -> robot.lookup("#skip-war-room").tryQuery().isPresent());
        double commsWith = sceneY(robot, "#comms-view");
        assertEquals(boardWith, commsWith, 0.5, "views start at the same place");

        robot.clickOn("#skip-war-room");
        robot.clickOn("#skip-reason").write("Everyone is on the bridge call");
        robot.clickOn("#skip-dialog-confirm");
        FxWait.until(20, () -> !robot.lookup("#comms-due-banner").query().isVisible());
        assertFalse(robot.lookup("#due-open-comms").query().isVisible());
        assertEquals(commsWith, sceneY(robot, "#comms-view"), 0.5, "the view stays put when the banner goes");

        clock.advance(Duration.ofMinutes(31));
        FxWait.until(20, () -> robot.lookup("#comms-due-banner").query().isVisible());
        assertEquals(commsWith, sceneY(robot, "#comms-view"), 0.5, "and when it comes back");
    }

    private static double sceneY(FxRobot robot, String query) {
        AtomicReference<Double> y = new AtomicReference<>();
        Node n = robot.lookup(query).query();
        robot.interact(() -> y.set(n.localToScene(0, 0).getY()));
        return y.get();
    }
}
