package dev.warroom.ui.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.Crisis;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.testing.FxWait;
import dev.warroom.ui.FxDialogService;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The start-crisis form as a person sees it: the offered severity chosen, and a name error that goes away. */
@ExtendWith(ApplicationExtension.class)
class StartCrisisFormUiTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    private static String nameProblem(CrisisForm f) {
        try {
            Crisis.validName(f.name());
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    @Test
    void anOfferedSeverityIsChosenAndTheNameErrorGoesOnceANameIsTyped(FxRobot robot) {
        AtomicReference<Optional<CrisisForm>> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(new FxDialogService(() -> stage)
                .ask(new StartCrisisDialog(StartCrisisFormUiTest::nameProblem, ScaleSeverity.SURGE))));
        FxWait.until(10, () -> robot.lookup("#crisis-dialog #crisis-severity").tryQuery().isPresent());
        ComboBox<?> severity = robot.lookup("#crisis-severity").queryAs(ComboBox.class);
        assertEquals(ScaleSeverity.SURGE, severity.getValue(), "opened from a SURGE offer: SURGE, not \"Not judged yet\"");

        robot.clickOn("#crisis-confirm");
        Label error = robot.lookup("#dialog-error").queryAs(Label.class);
        FxWait.until(10, error::isVisible);
        assertTrue(error.getText().toLowerCase().contains("name"), error.getText());

        robot.clickOn("#crisis-name").write("Launch surge");
        FxWait.until(10, () -> !error.isVisible());
        robot.clickOn("#crisis-confirm");
        FxWait.until(10, () -> answer.get() != null);
        assertEquals("Launch surge", answer.get().orElseThrow().name());
        assertEquals(ScaleSeverity.SURGE, answer.get().orElseThrow().severity());
        assertFalse(robot.lookup("#crisis-dialog").tryQuery().isPresent());
    }
}
