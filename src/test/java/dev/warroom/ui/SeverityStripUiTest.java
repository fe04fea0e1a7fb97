package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.store.Database;
import dev.warroom.testing.FxWait;
import dev.warroom.testing.MainWindowFixture;
import dev.warroom.testing.TestMetrics;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No metric source, so no figure at all: the severity strip on every view says NO DATA, never the green
 * "TRAFFIC NORMAL / NO INCIDENT" that reads as good news.
 */
@ExtendWith(ApplicationExtension.class)
class SeverityStripUiTest {
    private MainWindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        Database db = Database.open(Files.createTempDirectory("warroom-strip").resolve("strip"));
        Clock clock = Clock.systemUTC();
        fixture = MainWindowFixture.show(stage, db, clock, MainWindowFixture.options().metrics(TestMetrics.none(clock)));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void withoutAnyFigureEveryViewSaysNoData(FxRobot robot) {
        PseudoClass noData = PseudoClass.getPseudoClass("no-data");
        for (String view : List.of("board", "dashboard", "crisis", "comms", "debt", "plan", "timeline")) {
            robot.clickOn("#nav-" + view);
            WaitForAsyncUtils.waitForFxEvents();
            Label scale = robot.lookup("#shell #scale-severity").queryAs(Label.class);
            Label incident = robot.lookup("#shell #incident-severity").queryAs(Label.class);
            FxWait.until(10, () -> scale.getText().equals("TRAFFIC: NO DATA"));
            assertEquals("ERRORS: NO DATA", incident.getText(), view);
            assertTrue(scale.getPseudoClassStates().contains(noData), view + ": " + scale.getPseudoClassStates());
            assertTrue(incident.getPseudoClassStates().contains(noData), view + ": " + incident.getPseudoClassStates());
            assertTrue(robot.lookup("#shell #scale-severity-detail").queryAs(Label.class).getText()
                    .startsWith("No traffic figure yet"), view);
        }
    }
}
