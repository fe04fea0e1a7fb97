package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.store.Database;
import dev.warroom.testing.MainWindowFixture;
import dev.warroom.testing.NoDialogs;
import dev.warroom.testing.TestMetrics;
import dev.warroom.ui.dashboard.DashboardViewModel;
import dev.warroom.ui.shell.ShellViewModel;
import dev.warroom.ui.wall.WallLayout;
import dev.warroom.ui.wall.WallView;
import dev.warroom.ui.wall.WallViewModel;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
 * The built-in simulator feeds the tiles (a fresh install): every view and the wall carry the SIMULATED DATA
 * band, so made-up numbers cannot pass for real ones.
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
    void everyViewAndTheWallSayTheNumbersAreSimulated(FxRobot robot) throws Exception {
        waitUntil(() -> band(robot.lookup("#shell").queryAs(Parent.class), "#simulated-band"), 20);
        for (String view : List.of("board", "dashboard", "crisis", "comms", "debt", "plan", "timeline")) {
            robot.clickOn("#nav-" + view);
            WaitForAsyncUtils.waitForFxEvents();
            Parent shell = robot.lookup("#shell").queryAs(Parent.class);
            assertTrue(band(shell, "#simulated-band"), "the band shows on the " + view + " view");
            Label label = (Label) shell.lookup("#simulated-band");
            assertTrue(label.getText().equals(ShellViewModel.SIMULATED_BAND), label.getText());
            assertTrue(label.getHeight() >= 16, "the band is laid out, not squeezed away: " + label.getHeight());
        }

        dev.warroom.app.WarRoomContext context = fixture.context();
        Clock clock = Clock.systemUTC();
        WallViewModel vm = new WallViewModel(WallViewModel.Source.of(context.boards(), context.crises()),
                context.background(), clock, ZoneOffset.UTC, WallLayout.split());
        DashboardViewModel dashboard = new DashboardViewModel(context.team(), context.writes(), new NoDialogs(), clock,
                ZoneOffset.UTC);
        Stage wall = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            WallView view = WallView.create(vm, dashboard, context.state(), context.ticker(), new AtomicInteger(),
                    () -> { });
            Scene scene = new Scene((Parent) view.node(), 1920, 1080);
            view.attach();
            s.setOnHidden(e -> view.detach());
            Theme.applyWall(scene);
            s.setScene(scene);
            s.show();
            return s;
        }).get(10, TimeUnit.SECONDS);
        waitUntil(() -> band(wall.getScene().getRoot(), "#wall-simulated-band"), 10);
        Label wallBand = (Label) wall.getScene().getRoot().lookup("#wall-simulated-band");
        assertTrue(wallBand.getText().startsWith("SIMULATED DATA"), wallBand.getText());
        WaitForAsyncUtils.asyncFx(wall::close).get(10, TimeUnit.SECONDS);
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
