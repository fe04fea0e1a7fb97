package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.store.Database;
import dev.warroom.testing.MainWindowFixture;
import dev.warroom.testing.TestMetrics;
import dev.warroom.ui.shell.ShellViewModel;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
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
 * The built-in simulator feeds the tiles (a fresh install): every view of the main window carries the
 * SIMULATED DATA band and a severity strip that says SIMULATED, so made-up numbers cannot pass for real ones.
 */
@ExtendWith(ApplicationExtension.class)
class SimulatedDataUiTest {
    private MainWindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        Database db = Database.open(Files.createTempDirectory("warroom-simulated").resolve("sim"));
        Clock clock = Clock.systemUTC();
        fixture = MainWindowFixture.show(stage, db, clock, MainWindowFixture.options()
                .metrics(TestMetrics.simulator(clock)));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void everyViewSaysTheNumbersAreSimulated(FxRobot robot) throws Exception {
        waitUntil(() -> band(robot.lookup("#shell").queryAs(Parent.class), "#simulated-band"), 20);
        for (String view : List.of("board", "dashboard", "crisis", "comms", "debt", "plan", "timeline")) {
            robot.clickOn("#nav-" + view);
            WaitForAsyncUtils.waitForFxEvents();
            Parent shell = robot.lookup("#shell").queryAs(Parent.class);
            assertTrue(band(shell, "#simulated-band"), "the band shows on the " + view + " view");
            Label label = (Label) shell.lookup("#simulated-band");
            assertTrue(label.getText().equals(ShellViewModel.SIMULATED_BAND), label.getText());
            assertTrue(label.getHeight() >= 16, "the band is laid out, not squeezed away: " + label.getHeight());
            // the severity strip under the header agrees with the band: no green "TRAFFIC NORMAL / NO INCIDENT"
            for (String side : List.of("#scale-severity", "#incident-severity")) {
                waitUntil(() -> ((Label) robot.lookup("#shell").queryAs(Parent.class).lookup(side)).getText()
                        .startsWith("SIMULATED · "), 10);
                Label strip = (Label) shell.lookup(side);
                assertTrue(strip.getPseudoClassStates().contains(PseudoClass.getPseudoClass("simulated")),
                        view + " " + side + " is not coloured as a real level: " + strip.getPseudoClassStates());
                assertFalse(strip.getPseudoClassStates().contains(PseudoClass.getPseudoClass("normal"))
                        || strip.getPseudoClassStates().contains(PseudoClass.getPseudoClass("none")), view + " " + side);
            }
        }
    }

    /** The node is there, shown (it and every parent visible) and takes room in the layout. */
    private static boolean band(Parent root, String id) {
        Node n = root.lookup(id);
        if (n == null || !n.isManaged()) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not reached within " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
