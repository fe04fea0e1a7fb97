package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.app.MainWindow;
import dev.warroom.crisis.BoardService;
import dev.warroom.config.ConfigLoader;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A database written by a newer War Room opens read-only: a banner says so and changes are refused. */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyUiTest {
    private Database db;
    private dev.warroom.testing.MainWindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        Path base = Files.createTempDirectory("warroom-ro").resolve("future");
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        dev.warroom.testing.MainWindowFixture.offFxThread(() -> {
            try (Database fresh = Database.open(base)) {
                return new BoardService(fresh, clock, "tester", ConfigLoader.load(null).initialPolicy()).create(
                        CardDraft.of("Existing work", "", CardKind.SCALING, Priority.HIGH, "", "", "",
                                clock.instant(), ZoneOffset.UTC), Column.BACKLOG);
            }
        });
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "");
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (99, '99', 'later', 'SQL', 'V99__later.sql', 1, 'sa', 1, TRUE)");
        }
        db = Database.open(base);
        fixture = dev.warroom.testing.MainWindowFixture.show(stage, db, clock,
                dev.warroom.testing.MainWindowFixture.options());
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void showsTheBannerAndRefusesChanges(FxRobot robot) throws Exception {
        Label banner = robot.lookup("#read-only-banner").queryAs(Label.class);
        assertTrue(banner.isVisible());
        assertTrue(banner.getText().contains("newer War Room"), banner.getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup(".card-title").tryQuery().isPresent());
        robot.clickOn("#new-card");
        String message = robot.lookup("#board-message").queryAs(Label.class).getText();
        assertTrue(message.contains("read-only"), message);
        assertTrue(robot.lookup("#card-dialog").tryQuery().isEmpty(), "no card dialog on a read-only database");
        assertEquals(1, db.read(tx -> tx.cards()).size());
    }
}
