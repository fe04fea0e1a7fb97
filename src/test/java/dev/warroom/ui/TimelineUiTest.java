package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.app.MainWindow;
import dev.warroom.config.AppConfig;
import dev.warroom.crisis.BoardService;
import dev.warroom.config.ConfigLoader;
import dev.warroom.crisis.CrisisService;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.Priority;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import dev.warroom.testing.TestMetrics;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Scrubbing the record rebuilds the board as it was; notes go into the record. */
@ExtendWith(ApplicationExtension.class)
class TimelineUiTest {
    private Database db;
    private dev.warroom.testing.MainWindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        db = Database.open(Files.createTempDirectory("warroom-timeline").resolve("t"));
        MutableClock clock = MutableClock.at("2026-11-23T09:00:00Z");
        AppConfig config = ConfigLoader.load(null);
        dev.warroom.testing.MainWindowFixture.offFxThread(() -> {
            new CrisisService(db, clock, "ic").start("Replay drill", clock.instant());
            BoardService board = new BoardService(db, clock, "ic", config.initialPolicy());
            clock.advance(Duration.ofMinutes(10));
            Card c = board.create(CardDraft.of("Shard the sessions table", "", CardKind.SCALING, Priority.CRITICAL,
                    "alice", "", "", clock.instant(), ZoneOffset.UTC), Column.BACKLOG);
            clock.advance(Duration.ofMinutes(30));
            board.move(c.id(), c.version(), Column.IN_PROGRESS, 0, null);
            clock.advance(Duration.ofMinutes(30));
            return null;
        });
        fixture = dev.warroom.testing.MainWindowFixture.show(stage, db, clock,
                dev.warroom.testing.MainWindowFixture.options().config(config));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void scrubbingRebuildsTheBoardAsItWas(FxRobot robot) {
        robot.clickOn("#nav-timeline");
        waitUntil(() -> robot.lookup("#timeline-list").<ListView<?>>query().getItems().size() == 3);
        waitUntil(() -> titles(robot, Column.IN_PROGRESS).contains("Shard the sessions table  @alice"));

        Slider slider = robot.lookup("#replay-slider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(0.3));
        waitUntil(() -> titles(robot, Column.BACKLOG).contains("Shard the sessions table  @alice"));
        assertTrue(titles(robot, Column.IN_PROGRESS).isEmpty());
        assertTrue(robot.lookup("#replay-time").queryAs(Label.class).getText().contains("T+00:"),
                robot.lookup("#replay-time").queryAs(Label.class).getText());

        robot.interact(() -> slider.setValue(0.0));
        waitUntil(() -> titles(robot, Column.BACKLOG).isEmpty());

        robot.interact(() -> slider.setValue(1.0));
        waitUntil(() -> titles(robot, Column.IN_PROGRESS).contains("Shard the sessions table  @alice"));
        assertFalse(titles(robot, Column.BACKLOG).contains("Shard the sessions table  @alice"));
    }

    @Test
    void aNoteGoesIntoTheRecord(FxRobot robot) {
        robot.clickOn("#nav-timeline");
        waitUntil(() -> robot.lookup("#timeline-list").<ListView<?>>query().getItems().size() == 3);
        robot.clickOn("#add-note");
        robot.clickOn("#text-input").write("Vendor confirmed the CDN purge is done");
        robot.clickOn("#text-confirm");
        waitUntil(() -> robot.lookup("#timeline-list").<ListView<?>>query().getItems().size() == 4);
        assertEquals(1, db.read(tx -> tx.latestEvents(10)).stream()
                .filter(e -> e.kind() == EventKind.NOTE && e.summary().contains("CDN purge")).count());
    }

    private static List<String> titles(FxRobot robot, Column column) {
        VBox col = robot.lookup("#replay-column-" + column.name()).queryAs(VBox.class);
        return col.getChildren().stream().filter(n -> n.getStyleClass().contains("replay-card"))
                .map(n -> ((Label) n).getText()).toList();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        dev.warroom.testing.FxWait.until(10, condition);
    }
}
