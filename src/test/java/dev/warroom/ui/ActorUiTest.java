package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warroom.store.Database;
import dev.warroom.testing.FxWait;
import dev.warroom.testing.MainWindowFixture;
import dev.warroom.testing.TestMetrics;
import java.nio.file.Files;
import java.time.Clock;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Crisis view says who is at the keyboard; changing it there puts the new name on the next event recorded. */
@ExtendWith(ApplicationExtension.class)
class ActorUiTest {
    private MainWindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        Database db = Database.open(Files.createTempDirectory("warroom-actor").resolve("actor"));
        Clock clock = Clock.systemUTC();
        fixture = MainWindowFixture.show(stage, db, clock, MainWindowFixture.options().metrics(TestMetrics.none(clock)));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void changingTheNameInTheCrisisViewPutsItOnTheNextEvent(FxRobot robot) throws Exception {
        robot.clickOn("#nav-crisis");
        Label youAre = robot.lookup("#actor-name").queryAs(Label.class);
        String before = fixture.context().actor().get();
        FxWait.until(10, () -> youAre.getText().equals("You are: " + before));

        robot.clickOn("#change-actor");
        FxWait.until(10, () -> robot.lookup("#actor-input").tryQuery().isPresent());
        TextField field = robot.lookup("#actor-input").queryAs(TextField.class);
        assertEquals(before, field.getText(), "the dialog starts from the name in use");
        robot.interact(field::clear);
        robot.clickOn(field).write("night-shift-lead");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        FxWait.until(10, () -> youAre.getText().equals("You are: night-shift-lead"));

        String recordedBy = MainWindowFixture.offFxThread(() ->
                fixture.context().timeline().addNote("Who took the keyboard?", null).actor());
        assertEquals("night-shift-lead", recordedBy, "the next event carries the new name");
        String saved = MainWindowFixture.offFxThread(() -> fixture.context().actorNames().saved().orElse(""));
        assertEquals("night-shift-lead", saved, "and it is kept for the next start");
    }
}
